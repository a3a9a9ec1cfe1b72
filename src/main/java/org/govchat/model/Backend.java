package org.govchat.model;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.util.ArrayList;
import java.util.List;
import org.govchat.model.BackendStatus.State;

/** A configured backend at run time: its protocol, its door (admission) and its circuit breaker. */
final class Backend {

    private final String id;
    private final ModelProperties.Backend config;
    private final ModelBackend protocol;
    private final Admission admission;
    private final CircuitBreaker breaker;

    Backend(String id, ModelProperties.Backend config, ModelBackend protocol) {
        this(id, config, protocol, ModelProperties.Breaker.DEFAULT);
    }

    Backend(String id, ModelProperties.Backend config, ModelBackend protocol, ModelProperties.Breaker rule) {
        this.id = id;
        this.config = config;
        this.protocol = protocol;
        this.admission = new Admission(config.maxConcurrent(), config.maxQueue());
        this.breaker = CircuitBreaker.of("model-backend-" + id, breakerConfig(rule));
    }

    private static CircuitBreakerConfig breakerConfig(ModelProperties.Breaker rule) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(rule.window())
                .minimumNumberOfCalls(rule.minimumCalls())
                .failureRateThreshold(rule.failureRatePercent())
                .waitDurationInOpenState(rule.openFor())
                .permittedNumberOfCallsInHalfOpenState(rule.trialCalls())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .build();
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
