package org.govchat.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail for platform admins (the URL rule admits nobody else). */
@RestController
@Validated
class AuditController {

    private final AuditLog log;

    AuditController(AuditLog log) {
        this.log = log;
    }

    @GetMapping("/api/v1/admin/audit")
    AuditLog.Page page(
            @RequestParam(required = false) @Min(1) Long before,
            @RequestParam(defaultValue = "50") @Min(1) @Max(AuditLog.MAX_PAGE) int limit) {
        return log.page(before, limit);
    }
}
