package org.govchat.conversation;

import java.time.Instant;
import java.util.UUID;

/** The question stored and the answer's placeholder ({@code STREAMING}) committed, before any model call. */
public record TurnStarted(
        UUID conversationId,
        String departmentId,
        UUID userMessageId,
        UUID assistantMessageId,
        String language,
        Instant startedAt) {}
