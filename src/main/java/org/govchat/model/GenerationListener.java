package org.govchat.model;

/**
 * Receives one generation as it happens. Calls for one generation never overlap and come in order; after
 * {@link #onComplete}, {@link #onFailed} or {@link #onCancelled} nothing more arrives. Calls come from a
 * background thread, never from the thread that started the generation. {@link #onAnswerToken} and
 * {@link #onReasoningToken} may run on the thread reading the model's stream, so they must be quick and
 * must not block (append, signal readers); everything else may take its time.
 */
public interface GenerationListener {

    /** Waiting for a slot on a backend; called whenever the position changes (1 = next). */
    default void onQueued(int position) {}

    /** An attempt starts on this backend and model (called again if it fails over before the first token). */
    default void onAttempt(String backendId, String model) {}

    /** Visible answer text, reasoning already taken out. */
    void onAnswerToken(String text);

    /** Model reasoning ({@code <think>} or {@code reasoning_content}); never for citizens' eyes. */
    default void onReasoningToken(String text) {}

    void onComplete(GenerationResult result);

    /** The generation ended with an error; {@code failure.afterFirstToken()} tells whether text was sent. */
    void onFailed(GenerationFailure failure);

    /** {@link Generation#cancel()} took effect. */
    void onCancelled();
}
