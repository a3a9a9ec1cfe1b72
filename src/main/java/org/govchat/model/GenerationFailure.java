package org.govchat.model;

/**
 * Why a generation ended without completing.
 *
 * @param kind what went wrong
 * @param backendId the backend of the last attempt ({@code null} if none was reached)
 * @param model the model of the last attempt
 * @param afterFirstToken whether answer text had already been delivered (then no failover happened)
 * @param message a technical description for logs; never shown to citizens
 */
public record GenerationFailure(Kind kind, String backendId, String model, boolean afterFirstToken, String message) {

    public enum Kind {
        /** No candidate backend could start: all down, circuits open, or no weights. */
        UNAVAILABLE,
        /** The generation waited in a backend's queue longer than allowed, and no other candidate took it. */
        QUEUE_TIMEOUT,
        /** The first token did not come in time (on the last candidate). */
        FIRST_TOKEN_TIMEOUT,
        /** The backend fell silent between tokens for too long. */
        STALLED,
        /** The whole generation took longer than allowed. */
        TOTAL_TIMEOUT,
        /** The backend broke off or sent something unreadable. */
        BACKEND_ERROR
    }
}
