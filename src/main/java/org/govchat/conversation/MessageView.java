package org.govchat.conversation;

import java.time.Instant;
import java.util.UUID;

/** A message as a citizen sees it: no reasoning, no backend internals. */
public record MessageView(
        UUID id,
        int seq,
        MessageRole role,
        String content,
        MessageStatus status,
        String language,
        Instant createdAt,
        FeedbackView feedback) {}
