package org.govchat.staff.handoff;

import java.time.Instant;
import org.govchat.conversation.ConversationStatus;

/**
 * A citizen's conversation and its handoff, as the citizen sees it: never the officer's name.
 *
 * @param available whether the department offers officers in this conversation
 * @param phase {@code null} when nothing is open
 * @param caseReference once the citizen took one
 * @param contactLeft whether they left a phone number or e-mail address
 */
public record CitizenHandoffView(
        boolean available,
        ConversationStatus status,
        HandoffPhase phase,
        HandoffReason reason,
        Instant requestedAt,
        Instant claimDeadline,
        String caseReference,
        boolean contactLeft) {}
