package org.govchat.staff.handoff;

/** Where an open handoff stands. */
public enum HandoffPhase {
    /** Nobody has claimed it yet; the claim deadline has not passed. */
    WAITING,
    /** Nobody claimed it in time; the citizen was told and may leave a contact or take a case reference. */
    TIMED_OUT,
    /** An officer is talking to the citizen. */
    CLAIMED,
    /** The citizen left a contact or took a case reference: an officer follows up outside the chat. */
    FOLLOW_UP
}
