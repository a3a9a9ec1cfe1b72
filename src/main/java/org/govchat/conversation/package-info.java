/**
 * Conversations and their messages (one row each, paged by seq), feedback, the PostgreSQL-backed chat
 * memory and the recovery of generations orphaned by a crash. Other modules use
 * {@link org.govchat.conversation.Conversations}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Conversations")
package org.govchat.conversation;
