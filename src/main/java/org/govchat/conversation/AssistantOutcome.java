package org.govchat.conversation;

/**
 * How an answer ended, as recorded on its row.
 *
 * @param errorType a short machine-readable cause for failed, partial or cancelled answers
 */
public record AssistantOutcome(
        MessageStatus status,
        String content,
        String reasoning,
        String backend,
        String model,
        Integer tokensIn,
        Integer tokensOut,
        Integer timeToFirstTokenMs,
        Integer durationMs,
        String errorType) {}
