package org.govchat.model;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.govchat.model.BackendStatus.State;

/** A configured backend at run time: its protocol, its door (admission) and its circuit breaker. */
final class Backend {

    /**
     * Half of the last ten calls failing (five at least) opens the circuit for 30 seconds; two trial calls
     * then decide whether it closes again.
     */
    private static final CircuitBreakerConfig BREAKER = CircuitBreakerConfig.custom()
            .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .slidingWindowSize(10)
            .minimumNumberOfCalls(5)
            .failureRateThreshold(50)
            .waitDurationInOpenState(Duration.ofSeconds(30))
            .permittedNumberOfCallsInHalfOpenState(2)
            .automaticTransitionFromOpenToHalfOpenEnabled(true)
            .build();

    private final String id;
    private final ModelProperties.Backend config;
    private final ModelBackend protocol;
    private final Admission admission;
    private final CircuitBreaker breaker;

    Backend(String id, ModelProperties.Backend config, ModelBackend protocol) {
        this.id = id;
        this.config = config;
        this.protocol = protocol;
        this.admission = new Admission(config.maxConcurrent(), config.maxQueue());
        this.breaker = CircuitBreaker.of("model-backend-" + id, BREAKER);
    }

    String id() {
        return id;
    }

    ModelProperties.Backend config() {
        return config;
    }

    ModelBackend protocol() {
        return protocol;
    }

    Admission admission() {
        return admission;
    }

    CircuitBreaker breaker() {
        return breaker;
    }

    boolean isUsable() {
        return state() == State.UP;
    }

    State state() {
        var availability = protocol.availability();
        if (availability.state() != State.UP) {
            return availability.state();
        }
        return switch (breaker.getState()) {
            case OPEN, FORCED_OPEN -> State.CIRCUIT_OPEN;
            default -> State.UP;
        };
    }

    BackendStatus status() {
        var state = state();
        var reason = switch (state) {
            case UP -> null;
            case CIRCUIT_OPEN -> "too many recent failures";
            default -> protocol.availability().reason();
        };
        return new BackendStatus(
                id,
                config.type(),
                config.defaultModel(),
                offeredModels(),
                state,
                admission.running(),
                admission.queued(),
                reason);
    }

    List<String> offeredModels() {
        var models = new ArrayList<String>();
        if (config.defaultModel() != null) {
            models.add(config.defaultModel());
        }
        config.models().stream().filter(model -> !models.contains(model)).forEach(models::add);
        return models;
    }
}
