package org.govchat.conversation;

public enum ConversationStatus {
    ACTIVE,
    ESCALATED,
    CLOSED
}
