package org.govchat.model;

import java.util.List;

/**
 * What to generate and where.
 *
 * @param candidates backends in the order to try them: the profile's backend, then its fallbacks. A later
 *     one is tried only while no answer token has reached the caller.
 * @param messages the prompt: system prompt, history, the new question (last)
 * @param temperature sampling temperature
 * @param maxOutputTokens upper bound of generated tokens
 */
public record GenerationRequest(
        List<BackendChoice> candidates, List<ChatTurn> messages, double temperature, int maxOutputTokens) {

    public GenerationRequest {
        if (candidates == null || candidates.isEmpty()) {
            throw new IllegalArgumentException("at least one backend is needed");
        }
        candidates = List.copyOf(candidates);
        messages = List.copyOf(messages);
    }
}
