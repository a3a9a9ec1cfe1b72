package org.govchat.staff.handoff;

import java.util.Map;
import java.util.UUID;
import org.govchat.identity.Actor;
import org.govchat.identity.AuditedAction;

/**
 * Something an officer did with a citizen's conversation: claimed it, wrote to the citizen, handed it back
 * to the assistant, closed it, released a held answer. Written to the audit trail in the same transaction.
 */
record OfficerHandoffAction(
        Actor actor, String action, String departmentId, UUID conversationId, Map<String, Object> details)
        implements AuditedAction {

    static final String CLAIMED = "HANDOFF_CLAIMED";
    static final String REPLIED = "HANDOFF_STAFF_MESSAGE";
    static final String HANDED_BACK = "HANDOFF_HANDED_BACK";
    static final String CLOSED = "HANDOFF_CLOSED";
    static final String FOLLOWED_UP = "HANDOFF_FOLLOW_UP_DONE";
    static final String ANSWER_APPROVED = "ANSWER_APPROVED";
    static final String ANSWER_EDITED = "ANSWER_EDITED";

    @Override
    public String targetType() {
        return "conversation";
    }

    @Override
    public String targetId() {
        return conversationId.toString();
    }
}
