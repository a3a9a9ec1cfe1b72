package org.govchat.conversation;

import java.time.Instant;
import java.util.UUID;

/** A message as a reviewing admin sees it: with how it was generated, never with the model's reasoning. */
public record ReviewedMessage(
        UUID id,
        int seq,
        MessageRole role,
        String content,
        MessageStatus status,
        String language,
        String backend,
        String model,
        Integer tokensIn,
        Integer tokensOut,
        Integer timeToFirstTokenMs,
        Integer durationMs,
        String errorType,
        Instant createdAt,
        FeedbackView feedback) {}
