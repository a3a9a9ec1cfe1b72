package org.govchat.staff.handoff;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How handoffs to officers behave.
 *
 * @param claimTimeout how long a citizen waits for an officer before being offered to leave a contact or
 *     take a case reference
 * @param sweepInterval how often every replica looks for handoffs past their claim deadline
 * @param phoneRegion the region a phone number without country code is read in (ISO 3166 code)
 * @param keepAliveInterval a comment line is sent after this much silence on a live stream
 * @param streamMaxDuration a live stream ends after this long; clients reconnect with {@code Last-Event-ID}
 */
@ConfigurationProperties("govchat.handoff")
record HandoffProperties(
        @DefaultValue("2m") Duration claimTimeout,
        @DefaultValue("1s") Duration sweepInterval,
        @DefaultValue("HK") String phoneRegion,
        @DefaultValue("15s") Duration keepAliveInterval,
        @DefaultValue("5m") Duration streamMaxDuration) {}
