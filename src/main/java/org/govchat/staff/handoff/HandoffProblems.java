package org.govchat.staff.handoff;

import org.govchat.platform.web.TranslatedProblem;
import org.springframework.http.HttpStatus;

/** Refusals of handoff actions, each with a stable problem type and a translated detail. */
final class HandoffProblems {

    private HandoffProblems() {}

    /** The department does not offer officers in the chat (or this is not a citizen's conversation). */
    static final class HandoffUnavailable extends TranslatedProblem {
        HandoffUnavailable() {
            super(HttpStatus.CONFLICT, "handoff-unavailable", "Handoff unavailable");
        }
    }

    /** The citizen already left a contact or took a case reference for this conversation. */
    static final class HandoffAlreadyRequested extends TranslatedProblem {
        HandoffAlreadyRequested() {
            super(HttpStatus.CONFLICT, "handoff-already-requested", "Handoff already requested");
        }
    }

    /** Nothing in this conversation waits for, or is with, an officer. */
    static final class HandoffNotOpen extends TranslatedProblem {
        HandoffNotOpen() {
            super(HttpStatus.CONFLICT, "handoff-not-open", "No open handoff");
        }
    }

    /** Another officer claimed the conversation first. */
    static final class HandoffAlreadyClaimed extends TranslatedProblem {
        HandoffAlreadyClaimed(String officerName) {
            super(HttpStatus.CONFLICT, "handoff-already-claimed", "Handoff already claimed", officerName);
            getBody().setProperty("claimedBy", officerName);
        }
    }

    /** Only the officer who claimed the conversation may write in it, hand it back or close it. */
    static final class HandoffNotYours extends TranslatedProblem {
        HandoffNotYours() {
            super(HttpStatus.CONFLICT, "handoff-not-yours", "Not your handoff");
        }
    }

    /** Not a phone number or e-mail address that can be reached. */
    static final class ContactInvalid extends TranslatedProblem {
        ContactInvalid() {
            super(HttpStatus.BAD_REQUEST, "contact-invalid", "Invalid contact");
        }
    }

    /** An officer's message or edited answer that cannot be sent: empty, too long, or with control characters. */
    static final class InvalidText extends TranslatedProblem {
        InvalidText(String slug, int maxLength) {
            super(HttpStatus.BAD_REQUEST, slug, "Invalid text", maxLength);
        }
    }
}
