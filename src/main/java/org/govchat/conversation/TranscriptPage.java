package org.govchat.conversation;

import java.util.List;

/** Transcript messages oldest to newest; {@code hasMore} when older ones exist before the first. */
public record TranscriptPage(List<TranscriptMessage> messages, boolean hasMore) {}
