package org.govchat.department;

import java.util.List;

/**
 * A department as other modules and clients see it.
 *
 * @param available whether its assistant is switched on (kill switch off) and has an active profile
 * @param backends the model backends its active profile may use, in order (empty without a profile)
 */
public record DepartmentView(
        String id,
        LocalizedText names,
        LocalizedText greeting,
        boolean available,
        int retentionDays,
        List<String> backends) {}
