package org.govchat.admin.assistant;

import java.util.Map;
import org.govchat.identity.Actor;
import org.govchat.identity.AuditedAction;

/** An admin tried an unsaved profile in the playground: which backend and model (never the question). */
record PlaygroundUsed(Actor actor, String departmentId, String backend, String model) implements AuditedAction {

    @Override
    public String action() {
        return "PLAYGROUND_RUN";
    }

    @Override
    public String targetType() {
        return "department";
    }

    @Override
    public String targetId() {
        return departmentId;
    }

    @Override
    public Map<String, Object> details() {
        return model == null ? Map.of("backend", backend) : Map.of("backend", backend, "model", model);
    }
}
