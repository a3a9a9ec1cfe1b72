package org.govchat.admin.dashboard;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param timeZone where the city's days begin and end: the dashboard counts per local day
 * @param foldInterval how often the counted facts are folded into the daily rollups (a dashboard request
 *     also folds what is pending first, so it is never behind)
 * @param foldBatch facts folded per transaction
 */
@ConfigurationProperties("govchat.admin.dashboard")
public record DashboardProperties(
        @DefaultValue("Asia/Hong_Kong") ZoneId timeZone,
        @DefaultValue("10s") Duration foldInterval,
        @DefaultValue("5000") int foldBatch) {}
