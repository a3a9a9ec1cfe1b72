package org.govchat.model;

import java.util.stream.Stream;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code modelBackends}, one entry per backend: DOWN when unreachable
 * or without weights, OUT_OF_SERVICE while its circuit is open, UNKNOWN while weights load. It is not part
 * of the readiness group: a replica whose model is away still serves history, and other backends.
 */
@Component("modelBackends")
class ModelBackendsHealth implements CompositeHealthContributor {

    private final BackendRegistry registry;

    ModelBackendsHealth(BackendRegistry registry) {
        this.registry = registry;
    }

    @Override
    public HealthContributor getContributor(String name) {
        return registry.find(name).map(ModelBackendsHealth::indicator).orElse(null);
    }

    @Override
    public Stream<HealthContributors.Entry> stream() {
        return registry.all().stream().map(backend -> new HealthContributors.Entry(backend.id(), indicator(backend)));
    }

    private static HealthIndicator indicator(Backend backend) {
        return () -> {
            var status = backend.status();
            var health = switch (status.state()) {
                case UP -> Health.up();
                case STARTING -> Health.status(Status.UNKNOWN);
                case DOWN -> Health.down();
                case CIRCUIT_OPEN -> Health.outOfService();
            };
            health.withDetail("type", status.type())
                    .withDetail("defaultModel", String.valueOf(status.defaultModel()))
                    .withDetail("models", status.models())
                    .withDetail("circuitBreaker", backend.breaker().getState().name())
                    .withDetail("inFlight", status.inFlight())
                    .withDetail("queued", status.queued());
            if (status.reason() != null) {
                health.withDetail("reason", status.reason());
            }
            return health.build();
        };
    }
}
