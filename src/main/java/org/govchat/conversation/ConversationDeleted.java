package org.govchat.conversation;

import java.util.UUID;

/** A conversation and its messages were erased (by its owner or by retention). */
public record ConversationDeleted(UUID conversationId, String departmentId) {}
