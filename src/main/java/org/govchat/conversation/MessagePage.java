package org.govchat.conversation;

import java.util.List;

/** Messages oldest to newest; {@code hasMore} when older ones exist before the first. */
public record MessagePage(List<MessageView> messages, boolean hasMore) {}
