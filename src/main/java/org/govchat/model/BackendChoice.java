package org.govchat.model;

/**
 * A backend to try and the model to ask it for.
 *
 * @param model {@code null} for the backend's default model
 */
public record BackendChoice(String backendId, String model) {}
