package org.govchat.conversation;

import java.time.Instant;

/**
 * Which citizen conversations an admin wants to review; {@code null} means "any".
 *
 * @param startedFrom conversations started at or after this instant
 * @param startedBefore conversations started before this instant
 * @param language the conversation's language tag ({@code en}, {@code yue-Hant}, ...)
 * @param rating {@code UP} or {@code DOWN}: at least one answer rated so; {@code NONE}: no rating at all
 * @param escalated whether it was ever handed to staff
 * @param flagged whether an admin flagged it for follow-up
 * @param text words to find in what citizens asked or were answered (Traditional and Simplified alike)
 */
public record ReviewFilter(
        Instant startedFrom,
        Instant startedBefore,
        String language,
        String rating,
        ConversationStatus status,
        Boolean escalated,
        Boolean flagged,
        String text) {}
