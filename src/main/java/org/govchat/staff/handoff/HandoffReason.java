package org.govchat.staff.handoff;

/** Why a citizen was put through to an officer. */
public enum HandoffReason {
    /** They asked for a person ("talk to an officer"). */
    CITIZEN_REQUEST,
    /** They accepted the offer made after rating an answer as not helpful. */
    NEGATIVE_RATING,
    /** They accepted the offer made when the assistant could not answer. */
    ASSISTANT_FAILED
}
