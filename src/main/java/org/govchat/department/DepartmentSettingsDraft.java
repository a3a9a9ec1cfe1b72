package org.govchat.department;

/**
 * Everything a department admin saves at once: the department's names and retention period and its
 * assistant profile. Every save becomes a new profile version.
 *
 * @param retentionDays how long citizens' conversations are kept after their last message
 */
public record DepartmentSettingsDraft(LocalizedText names, int retentionDays, ProfileDraft profile) {}
