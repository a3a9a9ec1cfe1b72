package org.govchat.conversation;

public enum MessageRole {
    USER,
    ASSISTANT,
    STAFF,
    SYSTEM
}
