package org.govchat.staff.handoff;

import java.time.Instant;
import java.util.UUID;
import org.govchat.conversation.ConversationStatus;

/**
 * A conversation's open handoff as an officer of its department sees it.
 *
 * @param phase {@code null} when nothing is open
 * @param language the conversation's language (or the one the citizen's page was in)
 * @param claimedBy the name of the officer who has it
 * @param claimedByMe whether that is the officer looking
 * @param contact the phone number (E.164) or e-mail address the citizen left
 */
public record OfficerHandoffView(
        UUID conversationId,
        String departmentId,
        ConversationStatus status,
        HandoffPhase phase,
        HandoffReason reason,
        String language,
        Instant requestedAt,
        Instant claimDeadline,
        Instant claimedAt,
        String claimedBy,
        boolean claimedByMe,
        String caseReference,
        String contact,
        String contactKind) {

    static OfficerHandoffView of(
            UUID conversationId,
            String departmentId,
            ConversationStatus status,
            String conversationLanguage,
            HandoffRow handoff,
            String viewer) {
        return new OfficerHandoffView(
                conversationId,
                departmentId,
                status,
                handoff == null ? null : handoff.phase(),
                handoff == null ? null : handoff.reason(),
                conversationLanguage != null ? conversationLanguage : handoff == null ? null : handoff.language(),
                handoff == null ? null : handoff.requestedAt(),
                handoff == null ? null : handoff.claimDeadline(),
                handoff == null ? null : handoff.claimedAt(),
                handoff == null ? null : handoff.claimedByName(),
                handoff != null && handoff.claimedBy(viewer),
                handoff == null ? null : handoff.caseReference(),
                handoff == null ? null : handoff.contact(),
                handoff == null ? null : handoff.contactKind());
    }
}
