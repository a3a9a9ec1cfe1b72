package org.govchat.admin.assistant;

import org.govchat.identity.Actor;
import org.govchat.identity.AuditedAction;

/** The kill switch: an admin took a department's assistant offline for citizens, or back online. */
record AssistantSwitched(Actor actor, String departmentId, boolean on) implements AuditedAction {

    @Override
    public String action() {
        return on ? "ASSISTANT_SWITCHED_ON" : "ASSISTANT_SWITCHED_OFF";
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
