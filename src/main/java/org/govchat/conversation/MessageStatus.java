package org.govchat.conversation;

public enum MessageStatus {
    COMPLETE,
    STREAMING,
    PARTIAL,
    FAILED,
    CANCELLED;

    public boolean isFinal() {
        return this != STREAMING;
    }
}
