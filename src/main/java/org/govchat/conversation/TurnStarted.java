package org.govchat.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * The question stored and the answer's placeholder ({@code STREAMING}) committed, before any model call.
 *
 * @param assistantMessageId the answer's placeholder; {@code null} when the question went to an officer
 * @param relayedToOfficer the conversation is with an officer: the question was stored for them and no
 *     answer will be generated
 * @param supervised the answer is held for an officer's approval before the citizen sees it
 */
public record TurnStarted(
        UUID conversationId,
        String departmentId,
        UUID userMessageId,
        UUID assistantMessageId,
        String language,
        Instant startedAt,
        Channel channel,
        boolean relayedToOfficer,
        boolean supervised) {}
