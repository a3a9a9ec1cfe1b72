package org.govchat.staff;

import java.util.UUID;
import org.govchat.identity.Actor;
import org.govchat.identity.AuditedAction;

/** An officer opened a citizen's conversation: recorded in the audit trail. */
public record CitizenConversationOpened(Actor actor, String departmentId, UUID conversationId)
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
}
