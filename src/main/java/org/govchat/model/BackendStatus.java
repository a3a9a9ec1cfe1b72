package org.govchat.model;

import java.util.List;

/**
 * How a backend is doing, for the admin console and the operators.
 *
 * @param id the id assistant profiles refer to
 * @param type the protocol it speaks
 * @param defaultModel the model used when a profile names none
 * @param models every model admins may choose (the default first)
 * @param state whether it takes generations now
 * @param inFlight generations running on it now
 * @param queued generations waiting for a slot
 * @param reason why it is not {@link State#UP} ({@code null} when it is)
 */
public record BackendStatus(
        String id,
        ModelProperties.BackendType type,
        String defaultModel,
        List<String> models,
        State state,
        int inFlight,
        int queued,
        String reason) {

    public BackendStatus {
        models = List.copyOf(models);
    }

    public enum State {
        /** Takes generations. */
        UP,
        /** In-process weights still loading; generations fail fast until it is up. */
        STARTING,
        /** Unreachable, or in-process weights missing. */
        DOWN,
        /** Too many recent failures; generations are not sent until the breaker lets a trial through. */
        CIRCUIT_OPEN
    }
}
