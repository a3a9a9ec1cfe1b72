package org.govchat.conversation;

public enum Channel {
    CITIZEN,
    STAFF
}
