package org.govchat.conversation;

import java.time.Instant;
import java.util.UUID;

/** An assistant answer reached a final status; analytics and audit listen. */
public record MessageCompleted(
        UUID messageId,
        UUID conversationId,
        String departmentId,
        Channel channel,
        MessageStatus status,
        String language,
        String backend,
        String model,
        Integer tokensIn,
        Integer tokensOut,
        Integer timeToFirstTokenMs,
        Integer durationMs,
        Instant completedAt) {}
