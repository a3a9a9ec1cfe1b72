package org.govchat.department;

/**
 * A department as other modules and clients see it.
 *
 * @param available whether citizens can chat with its assistant now (not switched off)
 */
public record DepartmentView(
        String id, LocalizedText names, LocalizedText greeting, boolean available, int retentionDays) {}
