package org.govchat.admin.assistant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.govchat.identity.Actor;
import org.govchat.identity.AuditedAction;

/**
 * An admin saved a department's settings ({@code PROFILE_CHANGED}) or rolled them back to an earlier
 * version ({@code PROFILE_ROLLED_BACK}); the audit trail keeps which fields changed, not the texts.
 */
record SettingsChanged(
        Actor actor,
        String departmentId,
        int version,
        int previousVersion,
        Integer restoredFrom,
        List<String> changedFields)
        implements AuditedAction {

    @Override
    public String action() {
        return restoredFrom == null ? "PROFILE_CHANGED" : "PROFILE_ROLLED_BACK";
    }

    @Override
    public String targetType() {
        return "assistant-profile";
    }

    @Override
    public String targetId() {
        return departmentId + "/v" + version;
    }

    @Override
    public Map<String, Object> details() {
        var details = new LinkedHashMap<String, Object>();
        details.put("version", version);
        details.put("previousVersion", previousVersion);
        if (restoredFrom != null) {
            details.put("restoredFrom", restoredFrom);
        }
        details.put("changed", changedFields);
        return details;
    }
}
