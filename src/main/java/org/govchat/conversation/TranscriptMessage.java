package org.govchat.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * A message as officers see it in a citizen's transcript: everything the citizen sees, plus who wrote an
 * officer's message and whether an answer waits for review.
 *
 * @param authorName the officer who wrote a {@code STAFF} message (never shown to citizens)
 * @param reviewState {@code PENDING}, {@code APPROVED} or {@code EDITED} for answers of a supervised
 *     department; {@code null} otherwise
 */
public record TranscriptMessage(
        UUID id,
        int seq,
        MessageRole role,
        String content,
        MessageStatus status,
        String language,
        Instant createdAt,
        String authorName,
        String reviewState,
        FeedbackView feedback) {}
