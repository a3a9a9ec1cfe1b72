package org.govchat.identity;

import java.util.Map;

/**
 * An application event that the audit trail records: every module publishes its own event records, and
 * those implementing this interface are written to {@code audit_event} in the publishing transaction.
 */
public interface AuditedAction {

    Actor actor();

    /** A stable, upper-case name such as {@code LOGIN_SUCCEEDED} or {@code PROFILE_CHANGED}. */
    String action();

    default String departmentId() {
        return null;
    }

    default String targetType() {
        return null;
    }

    default String targetId() {
        return null;
    }

    /** Extra facts worth keeping; never message content or secrets. */
    default Map<String, Object> details() {
        return Map.of();
    }
}
