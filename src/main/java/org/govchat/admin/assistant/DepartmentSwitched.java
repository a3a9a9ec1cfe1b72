package org.govchat.admin.assistant;

import org.govchat.identity.Actor;
import org.govchat.identity.AuditedAction;

/**
 * An admin flipped one of a department's switches: the kill switch ({@code ASSISTANT_SWITCHED_OFF}: the
 * assistant offline for citizens, or back on) or supervised mode ({@code SUPERVISION_SWITCHED_ON}: answers
 * to citizens held for an officer's approval, or no longer).
 */
record DepartmentSwitched(Actor actor, String departmentId, Which which, boolean on) implements AuditedAction {

    enum Which {
        ASSISTANT,
        SUPERVISION
    }

    @Override
    public String action() {
        return which.name() + (on ? "_SWITCHED_ON" : "_SWITCHED_OFF");
    }

    @Override
    public String targetType() {
        return "department";
    }

    @Override
    public String targetId() {
        return departmentId;
    }
}
