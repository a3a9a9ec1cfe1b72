package org.govchat.model;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Model backends live in configuration, never in code or the database: department admins choose among
 * them, they cannot add endpoints.
 *
 * @param backends backends by id (the id assistant profiles refer to); none configured means the
 *     in-process default
 * @param sovereignty where backends may live
 * @param circuitBreaker when a failing backend is taken out of rotation (the same rule for every backend)
 */
@ConfigurationProperties("govchat")
public record ModelProperties(
        Map<String, Backend> backends,
        @DefaultValue Sovereignty sovereignty,
        @DefaultValue Breaker circuitBreaker) {

    @ConstructorBinding
    public ModelProperties {
        backends = backends == null ? Map.of() : new LinkedHashMap<>(backends);
        circuitBreaker = circuitBreaker == null ? Breaker.DEFAULT : circuitBreaker;
    }

    public ModelProperties(Map<String, Backend> backends, Sovereignty sovereignty) {
        this(backends, sovereignty, Breaker.DEFAULT);
    }

    /**
     * A backend's circuit opens when {@code failureRatePercent} of its last {@code window} generations
     * failed (once at least {@code minimumCalls} were made); it stays open for {@code openFor}, then
     * {@code trialCalls} generations decide whether it closes again.
     */
    public record Breaker(
            @DefaultValue("10") int window,
            @DefaultValue("5") int minimumCalls,
            @DefaultValue("50") int failureRatePercent,
            @DefaultValue("30s") Duration openFor,
            @DefaultValue("2") int trialCalls) {

        static final Breaker DEFAULT = new Breaker(10, 5, 50, Duration.ofSeconds(30), 2);
    }

    public enum BackendType {
        /** Ollama's native {@code /api/chat} (NDJSON streaming). */
        OLLAMA,
        /** {@code /v1/chat/completions} with SSE: vLLM, SGLang, llama.cpp server, LMDeploy, MindIE, Ollama /v1. */
        OPENAI_COMPATIBLE,
        /** A model run inside this JVM (LangChain4j Jlama). */
        IN_PROCESS
    }

    /**
     * One backend.
     *
     * @param type the protocol it speaks
     * @param baseUrl its address (for openai-compatible, including {@code /v1})
     * @param defaultModel model used when a profile names none
     * @param models further models admins may choose
     * @param apiKey bearer token, for servers started with one
     * @param maxConcurrent generations admitted at once; the rest wait in the queue
     * @param maxQueue generations allowed to wait; beyond that callers get 503 with Retry-After
     * @param maxQueueWait longest a generation waits in the queue; then it goes to the next candidate backend,
     *     or fails as unavailable
     * @param connectTimeout to open the connection
     * @param firstTokenTimeout from the request to the first token
     * @param betweenTokensTimeout longest silence allowed between two tokens
     * @param totalTimeout longest a whole generation may take
     * @param modelDir in-process: a local directory holding the weights (air-gapped sites)
     * @param modelCache in-process: where downloaded weights are kept
     * @param threads in-process: worker threads for inference (0 = all cores)
     */
    public record Backend(
            BackendType type,
            URI baseUrl,
            String defaultModel,
            List<String> models,
            String apiKey,
            @DefaultValue("4") int maxConcurrent,
            @DefaultValue("100") int maxQueue,
            @DefaultValue("2m") Duration maxQueueWait,
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("60s") Duration firstTokenTimeout,
            @DefaultValue("30s") Duration betweenTokensTimeout,
            @DefaultValue("5m") Duration totalTimeout,
            Path modelDir,
            @DefaultValue(".govchat/models") Path modelCache,
            @DefaultValue("0") int threads) {

        public Backend {
            models = models == null ? List.of() : List.copyOf(models);
        }
    }

    /**
     * @param allowedHosts host patterns a backend's base URL must match ({@code *.internal} style
     *     wildcards); anything else stops the application at start-up
     */
    public record Sovereignty(
            @DefaultValue({"localhost", "127.0.0.1", "::1"}) List<String> allowedHosts) {}
}
