package org.govchat.department;

import java.time.Instant;

/**
 * One saved version of a department's settings.
 *
 * @param active whether this is the version in force
 * @param restoredFrom the version this one copies, when it was written by a rollback
 * @param createdBy who saved it (an officer's sign-in name, or {@code demo-data})
 */
public record ProfileVersionView(
        String departmentId,
        int version,
        DepartmentSettingsDraft settings,
        boolean active,
        Integer restoredFrom,
        String createdBy,
        Instant createdAt) {}
