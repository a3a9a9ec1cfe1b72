package org.govchat.conversation;

/** What PostgreSQL holds of an answer right now (used to follow a generation running on another replica). */
public record StreamSnapshot(MessageStatus status, String content, String errorType) {}
