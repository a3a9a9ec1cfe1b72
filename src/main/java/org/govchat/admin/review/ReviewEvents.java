package org.govchat.admin.review;

import java.util.Map;
import java.util.UUID;
import org.govchat.identity.Actor;
import org.govchat.identity.AuditedAction;

/** What the audit trail keeps of conversation review: who read or marked which conversation, never its text. */
final class ReviewEvents {

    private ReviewEvents() {}

    record TranscriptOpened(Actor actor, String departmentId, UUID conversationId) implements AuditedAction {
        @Override
        public String action() {
            return "CONVERSATION_TRANSCRIPT_OPENED";
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

    record Flagged(Actor actor, String departmentId, UUID conversationId, boolean flagged) implements AuditedAction {
        @Override
        public String action() {
            return flagged ? "CONVERSATION_FLAGGED" : "CONVERSATION_UNFLAGGED";
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

    /** @param filters the filters of the exported list (no search text: it may quote a citizen) */
    record Exported(Actor actor, String departmentId, Map<String, Object> filters) implements AuditedAction {
        @Override
        public String action() {
            return "CONVERSATIONS_EXPORTED";
        }

        @Override
        public String targetType() {
            return "conversation-list";
        }

        @Override
        public Map<String, Object> details() {
            return filters;
        }
    }
}
