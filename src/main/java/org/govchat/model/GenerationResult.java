package org.govchat.model;

/**
 * How a completed generation went.
 *
 * @param tokensIn prompt tokens as the backend counted them ({@code null} when it does not say)
 * @param tokensOut generated tokens ({@code null} when the backend does not say)
 * @param finishReason {@code STOP}, {@code LENGTH} …
 */
public record GenerationResult(
        String backendId, String model, Integer tokensIn, Integer tokensOut, String finishReason) {}
