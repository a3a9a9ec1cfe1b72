package org.govchat.identity;

import java.util.Map;

/** An officer signed in through SSO. */
public record OfficerSignedIn(Actor actor, Officer officer) implements AuditedAction {

    @Override
    public String action() {
        return "LOGIN_SUCCEEDED";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of(
                "displayName", officer.displayName(),
                "roles", officer.roles(),
                "administeredDepartments", officer.administeredDepartments(),
                "staffedDepartments", officer.staffedDepartments());
    }
}
