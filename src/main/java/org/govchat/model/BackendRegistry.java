package org.govchat.model;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The one factory of model backends: builds each configured backend once (its LangChain4j model
 * included), refuses to start when a base URL leaves the sovereignty allowlist, and supplies the
 * in-process default when nothing is configured. Loading weights and probing servers happen in the
 * background, so neither start-up nor readiness waits for a model.
 */
@Component
class BackendRegistry implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BackendRegistry.class);

    static final String DEFAULT_ID = "default";
    /** Small, multilingual (Cantonese/Mandarin/English), instruct-tuned, in a format Jlama loads. */
    static final String DEFAULT_IN_PROCESS_MODEL = "Qwen/Qwen2.5-0.5B-Instruct";

    private static final Duration PROBE_EVERY = Duration.ofSeconds(10);

    private final Map<String, Backend> backends;
    private volatile Thread prober;

    BackendRegistry(ModelProperties properties) {
        var sovereignty = new SovereigntyPolicy(properties.sovereignty());
        var configured =
                properties.backends().isEmpty() ? Map.of(DEFAULT_ID, inProcessDefault(null)) : properties.backends();
        var built = new LinkedHashMap<String, Backend>();
        configured.forEach((id, config) -> built.put(id, build(id, config, sovereignty, properties.circuitBreaker())));
        this.backends = Map.copyOf(built);
    }

    Optional<Backend> find(String id) {
        return Optional.ofNullable(backends.get(id));
    }

    Backend get(String id) {
        var backend = backends.get(id);
        if (backend == null) {
            throw new IllegalArgumentException("There is no model backend '" + id + "'");
        }
        return backend;
    }

    Collection<Backend> all() {
        return backends.values();
    }

    private static Backend build(
            String id, ModelProperties.Backend given, SovereigntyPolicy sovereignty, ModelProperties.Breaker breaker) {
        var config = given.type() == null && given.baseUrl() == null ? inProcessDefault(given) : given;
        if (config.type() == null) {
            throw new IllegalStateException(
                    "Backend '" + id + "' needs a type: ollama, openai-compatible or in-process");
        }
        if (config.type() != ModelProperties.BackendType.IN_PROCESS) {
            if (config.baseUrl() == null) {
                throw new IllegalStateException("Backend '" + id + "' needs a base-url");
            }
            sovereignty.check(id, config.baseUrl());
        } else if (config.defaultModel() == null) {
            throw new IllegalStateException("In-process backend '" + id + "' needs a default-model");
        }
        ModelBackend protocol = switch (config.type()) {
            case OLLAMA -> new OllamaBackend(config);
            case OPENAI_COMPATIBLE -> new OpenAiCompatibleBackend(config);
            case IN_PROCESS -> new InProcessBackend(id, config);
        };
        return new Backend(id, config, protocol, breaker);
    }

    /**
     * The embedded default: the small in-process model, one generation at a time, taking a
     * {@code model-dir}, {@code model-cache} or {@code threads} from a type-less {@code default} entry.
     */
    private static ModelProperties.Backend inProcessDefault(ModelProperties.Backend given) {
        return new ModelProperties.Backend(
                ModelProperties.BackendType.IN_PROCESS,
                null,
                given != null && given.defaultModel() != null ? given.defaultModel() : DEFAULT_IN_PROCESS_MODEL,
                List.of(),
                given != null ? given.apiKey() : null,
                1,
                given != null ? given.maxQueue() : 100,
                given != null ? given.maxQueueWait() : Duration.ofMinutes(2),
                Duration.ofSeconds(5),
                given != null ? given.firstTokenTimeout() : Duration.ofSeconds(60),
                given != null ? given.betweenTokensTimeout() : Duration.ofSeconds(30),
                given != null ? given.totalTimeout() : Duration.ofMinutes(5),
                given != null ? given.modelDir() : null,
                given != null ? given.modelCache() : Path.of(".govchat/models"),
                given != null ? given.threads() : 0);
    }

    @Override
    public void start() {
        backends.values().forEach(backend -> {
            var config = backend.config();
            log.info(
                    "Model backend '{}': {} {} (default model {}, {} at once, queue {})",
                    backend.id(),
                    config.type(),
                    config.baseUrl() != null ? config.baseUrl() : "in this JVM",
                    config.defaultModel(),
                    config.maxConcurrent(),
                    config.maxQueue());
            backend.protocol().start();
        });
        prober = Thread.ofVirtual().name("model-probes").start(this::probeForever);
    }

    private void probeForever() {
        while (!Thread.currentThread().isInterrupted()) {
            for (var backend : backends.values()) {
                var before = backend.protocol().availability().state();
                backend.protocol().refresh();
                var after = backend.protocol().availability();
                if (after.state() != before) {
                    log.info(
                            "Model backend '{}' is now {}{}",
                            backend.id(),
                            after.state(),
                            after.reason() == null ? "" : " (" + after.reason() + ")");
                }
            }
            try {
                Thread.sleep(PROBE_EVERY);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void stop() {
        var running = prober;
        prober = null;
        if (running != null) {
            running.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return prober != null;
    }

    @Override
    public void destroy() {
        backends.values().forEach(backend -> backend.protocol().close());
    }
}
