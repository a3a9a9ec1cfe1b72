package org.govchat.conversation;

import java.util.UUID;

/**
 * What PostgreSQL holds of an answer right now, as its owner may see it (used to follow a generation that
 * runs on another replica, or an answer held for review).
 *
 * @param held the answer is written but waits for an officer's approval (its text is not shown yet)
 */
public record StreamSnapshot(
        UUID conversationId, MessageStatus status, String content, String errorType, boolean held) {}
