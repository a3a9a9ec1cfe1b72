package org.govchat.conversation;

import java.time.Instant;
import java.util.UUID;

/** A conversation as its owner sees it. {@code title} is the start of the first question. */
public record ConversationView(
        UUID id,
        String departmentId,
        Channel channel,
        String title,
        String language,
        ConversationStatus status,
        Instant createdAt,
        Instant lastActivityAt) {}
