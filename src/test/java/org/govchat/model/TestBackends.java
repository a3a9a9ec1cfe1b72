package org.govchat.model;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A model gateway built straight from configuration, without a Spring context, for fast tests. */
final class TestBackends implements AutoCloseable {

    final BackendRegistry registry;
    final ModelGateway gateway;

    private TestBackends(Map<String, ModelProperties.Backend> backends) {
        var properties = new ModelProperties(
                new LinkedHashMap<>(backends), new ModelProperties.Sovereignty(List.of("127.0.0.1", "localhost")));
        registry = new BackendRegistry(properties);
        registry.start();
        gateway = new ModelGateway(registry);
    }

    static TestBackends of(Map<String, ModelProperties.Backend> backends) {
        return new TestBackends(backends);
    }

    static TestBackends of(String id, ModelProperties.Backend backend) {
        return new TestBackends(Map.of(id, backend));
    }

    /** A remote backend with tight, test-sized timeouts. */
    static Spec remote(ModelProperties.BackendType type, String baseUrl) {
        return new Spec(type, URI.create(baseUrl));
    }

    static Spec openAi(String baseUrl) {
        return remote(ModelProperties.BackendType.OPENAI_COMPATIBLE, baseUrl);
    }

    static Spec ollama(String baseUrl) {
        return remote(ModelProperties.BackendType.OLLAMA, baseUrl);
    }

    static final class Spec {
        private final ModelProperties.BackendType type;
        private final URI baseUrl;
        private int maxConcurrent = 4;
        private int maxQueue = 10;
        private Duration maxQueueWait = Duration.ofSeconds(20);
        private Duration connectTimeout = Duration.ofSeconds(2);
        private Duration firstTokenTimeout = Duration.ofSeconds(3);
        private Duration betweenTokensTimeout = Duration.ofSeconds(2);
        private Duration totalTimeout = Duration.ofSeconds(20);
        private Path modelDir;
        private String apiKey;

        private Spec(ModelProperties.BackendType type, URI baseUrl) {
            this.type = type;
            this.baseUrl = baseUrl;
        }

        Spec slots(int maxConcurrent, int maxQueue) {
            this.maxConcurrent = maxConcurrent;
            this.maxQueue = maxQueue;
            return this;
        }

        Spec maxQueueWait(Duration wait) {
            this.maxQueueWait = wait;
            return this;
        }

        Spec connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        Spec firstTokenTimeout(Duration timeout) {
            this.firstTokenTimeout = timeout;
            return this;
        }

        Spec betweenTokensTimeout(Duration timeout) {
            this.betweenTokensTimeout = timeout;
            return this;
        }

        Spec totalTimeout(Duration timeout) {
            this.totalTimeout = timeout;
            return this;
        }

        Spec apiKey(String key) {
            this.apiKey = key;
            return this;
        }

        Spec modelDir(Path dir) {
            this.modelDir = dir;
            return this;
        }

        ModelProperties.Backend build() {
            return new ModelProperties.Backend(
                    type,
                    baseUrl,
                    "fake-model",
                    List.of("fake-model-large"),
                    apiKey,
                    maxConcurrent,
                    maxQueue,
                    maxQueueWait,
                    connectTimeout,
                    firstTokenTimeout,
                    betweenTokensTimeout,
                    totalTimeout,
                    modelDir,
                    Path.of("target/test-models"),
                    0);
        }
    }

    static GenerationRequest ask(String question, String... backendIds) {
        var candidates = java.util.Arrays.stream(backendIds)
                .map(id -> new BackendChoice(id, null))
                .toList();
        return new GenerationRequest(
                candidates, List.of(ChatTurn.system("You are a helpful clerk."), ChatTurn.user(question)), 0.2, 256);
    }

    RecordingListener generate(String question, String... backendIds) {
        var listener = new RecordingListener();
        gateway.generate(ask(question, backendIds), listener);
        return listener;
    }

    BackendStatus status(String id) {
        return gateway.backends().stream()
                .filter(b -> b.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Override
    public void close() {
        registry.stop();
        registry.destroy();
        gateway.destroy();
    }
}
