package org.govchat.admin.dashboard;

import java.time.LocalDate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@EnableConfigurationProperties(DashboardProperties.class)
class DashboardController {

    private final Dashboard dashboard;

    DashboardController(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    /** Every figure of the dashboard for {@code from}..{@code to} (local dates, inclusive; default: 30 days). */
    @GetMapping("/api/v1/admin/departments/{departmentId}/dashboard")
    Dashboard.View dashboard(
            @PathVariable String departmentId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        var end = to != null ? to : dashboard.today();
        var start = from != null ? from : end.minusDays(29);
        return dashboard.of(departmentId, start, end);
    }
}
