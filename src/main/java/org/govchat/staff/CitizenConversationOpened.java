package org.govchat.staff;

import java.util.Map;
import java.util.UUID;
import org.govchat.identity.Actor;
import org.govchat.identity.AuditedAction;

/**
 * An officer opened a citizen's conversation: its transcript, or its live stream (from the message after
 * {@code afterSeq}). Recorded in the audit trail.
 */
public record CitizenConversationOpened(
        Actor actor, String departmentId, UUID conversationId, boolean live, Integer afterSeq)
        implements AuditedAction {

    @Override
    public String action() {
        return "CITIZEN_CONVERSATION_OPENED";
    }

    @Override
    public String targetType() {
        return "conversation";
    }

    @Override
    public String targetId() {
        return conversationId.toString();
    }

    @Override
    public Map<String, Object> details() {
        return live ? Map.of("live", true, "afterSeq", afterSeq) : Map.of();
    }
}
