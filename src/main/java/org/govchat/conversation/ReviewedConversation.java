package org.govchat.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * A citizen conversation in an admin's review list.
 *
 * @param title the start of the citizen's first question
 * @param escalatedAt when it was first handed to staff ({@code null}: never)
 * @param flag the admin's follow-up flag, if any
 */
public record ReviewedConversation(
        UUID id,
        String departmentId,
        String title,
        String language,
        ConversationStatus status,
        Instant createdAt,
        Instant lastActivityAt,
        Instant escalatedAt,
        int messages,
        int ratedUp,
        int ratedDown,
        Flag flag) {

    public record Flag(String note, String flaggedBy, Instant flaggedAt) {}
}
