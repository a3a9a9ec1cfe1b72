package org.govchat.model;

import java.util.List;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * The model module's public face: starts generations on the configured backends (admission, queueing,
 * timeouts, failover, circuit breakers, reasoning split) and tells how the backends are doing.
 */
@Service
public class ModelGateway implements DisposableBean {

    private final BackendRegistry registry;
    private final DeadlineWatchdog watchdog = new DeadlineWatchdog();

    ModelGateway(BackendRegistry registry) {
        this.registry = registry;
    }

    /**
     * Admits (or queues) the generation and starts it; returns at once. The listener hears everything
     * else, on a background thread.
     *
     * @throws BackendQueueFull when every usable candidate's queue is full
     * @throws IllegalArgumentException for an unknown backend id
     */
    public Generation generate(GenerationRequest request, GenerationListener listener) {
        var candidates = request.candidates().stream()
                .map(choice -> registry.get(choice.backendId()))
                .toList();
        var run = new GenerationRun(request, candidates, listener, watchdog);
        run.begin();
        return run;
    }

    /** Every configured backend, in configuration order. */
    public List<BackendStatus> backends() {
        return registry.all().stream().map(Backend::status).toList();
    }

    /** Known and taking generations: not DOWN, not starting, circuit not open. */
    public boolean isUsable(String backendId) {
        return registry.find(backendId).map(Backend::isUsable).orElse(false);
    }

    @Override
    public void destroy() {
        watchdog.close();
    }
}
