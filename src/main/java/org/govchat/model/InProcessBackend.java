package org.govchat.model;

import com.github.tjake.jlama.model.AbstractModel;
import com.github.tjake.jlama.model.ModelSupport;
import com.github.tjake.jlama.model.functions.Generator;
import com.github.tjake.jlama.safetensors.DType;
import com.github.tjake.jlama.safetensors.SafeTensorSupport;
import com.github.tjake.jlama.util.PhysicalCoreExecutor;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.io.File;
import java.nio.file.Files;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A model run inside this JVM with Jlama: weights read from {@code model-dir}, or downloaded once into
 * {@code model-cache} (Jlama's own download, the same LangChain4j's Jlama models use), loaded once in the
 * background, then shared by every generation.
 *
 * <p>Not LangChain4j's {@code JlamaStreamingChatModel}: it keeps one Jlama session for all calls, so its
 * second call continues a used-up context (one token, or an exception: Jlama issue #61), and it fixes
 * temperature and token budget at build time and cannot be stopped. Here each generation gets a fresh
 * session, its own temperature and budget (Jlama counts the prompt in it), and a cancel stops it at the
 * next token. See docs/adr/0002-in-process-model-sessions.md.
 */
final class InProcessBackend implements ModelBackend {

    private static final Logger log = LoggerFactory.getLogger(InProcessBackend.class);

    private final String id;
    private final ModelProperties.Backend config;
    private volatile Availability availability = Availability.starting("loading the model weights");
    private volatile AbstractModel model;

    InProcessBackend(String id, ModelProperties.Backend config) {
        this.id = id;
        this.config = config;
    }

    @Override
    public void start() {
        Thread.ofVirtual().name("model-load-" + id).start(this::load);
    }

    @Override
    public Availability availability() {
        return availability;
    }

    private void load() {
        try {
            var directory = config.modelDir() != null ? localWeights() : downloadedWeights();
            useThreads(config.threads());
            var loaded = ModelSupport.loadModel(
                    AbstractModel.InferenceType.FULL_GENERATION,
                    directory,
                    null,
                    DType.F32,
                    DType.I8,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    SafeTensorSupport::loadWeights);
            if (loaded.promptSupport().isEmpty()) {
                loaded.close();
                throw new IllegalStateException("the model has no chat template (tokenizer_config.json)");
            }
            model = loaded;
            availability = Availability.UP;
            log.info("In-process model '{}' of backend '{}' is loaded from {}", config.defaultModel(), id, directory);
        } catch (Exception | LinkageError e) {
            var reason = "model weights not available: " + e;
            availability = Availability.down(reason);
            log.warn("Backend '{}' is DOWN, {}", id, reason);
        }
    }

    private File localWeights() {
        var directory = config.modelDir();
        if (!Files.isRegularFile(directory.resolve("config.json"))) {
            throw new IllegalStateException("no config.json in " + directory.toAbsolutePath());
        }
        return directory.toFile();
    }

    /** Does nothing when an earlier download finished (Jlama's {@code .finished} marker is there). */
    private File downloadedWeights() throws Exception {
        var name = config.defaultModel();
        int slash = name.indexOf('/');
        var owner = slash < 0 ? Optional.<String>empty() : Optional.of(name.substring(0, slash));
        var modelName = slash < 0 ? name : name.substring(slash + 1);
        Files.createDirectories(config.modelCache());
        return SafeTensorSupport.maybeDownloadModel(
                config.modelCache().toString(),
                owner,
                modelName,
                true,
                Optional.empty(),
                Optional.ofNullable(config.apiKey()),
                Optional.empty());
    }

    /** Jlama's worker pool is one per JVM and can be sized once, before its first use. */
    private void useThreads(int threads) {
        if (threads <= 0) {
            return;
        }
        try {
            PhysicalCoreExecutor.overrideThreadCount(threads);
        } catch (IllegalStateException e) {
            log.warn(
                    "Backend '{}': Jlama's thread pool is JVM-wide and already running; threads={} ignored",
                    id,
                    threads);
        }
    }

    @Override
    public void stream(String modelName, GenerationRequest request, Attempt attempt) {
        var loaded = model;
        if (loaded == null) {
            attempt.onError(new IllegalStateException("the in-process model is not loaded"));
            return;
        }
        if (modelName != null && !modelName.equals(config.defaultModel())) {
            attempt.onError(new IllegalArgumentException("backend '" + id + "' only runs " + config.defaultModel()));
            return;
        }
        var prompt = loaded.promptSupport().orElseThrow().builder();
        for (var turn : request.messages()) {
            switch (turn.role()) {
                case SYSTEM -> prompt.addSystemMessage(turn.text());
                case USER -> prompt.addUserMessage(turn.text());
                case ASSISTANT -> prompt.addAssistantMessage(turn.text());
            }
        }
        var context = prompt.build();
        int promptTokens = loaded.getTokenizer().encode(context.getPrompt()).length;
        // Jlama's budget covers prompt and answer together
        int budget = Math.min(loaded.getConfig().contextLength, promptTokens + 1 + request.maxOutputTokens());

        var stop = new StopSignal();
        attempt.onAbort(stop::cancel);
        var partialContext = new PartialResponseContext(stop);
        try {
            var response = loaded.generate(
                    UUID.randomUUID(), context, (float) request.temperature(), budget, (token, millis) -> {
                        if (stop.isCancelled()) {
                            throw StopSignal.STOP;
                        }
                        attempt.onPartialResponse(new PartialResponse(token), partialContext);
                    });
            attempt.onCompleteResponse(ChatResponse.builder()
                    .aiMessage(AiMessage.builder().text(response.responseText).build())
                    .modelName(config.defaultModel())
                    .tokenUsage(new TokenUsage(response.promptTokens, response.generatedTokens))
                    .finishReason(
                            response.finishReason == Generator.FinishReason.STOP_TOKEN
                                    ? FinishReason.STOP
                                    : FinishReason.LENGTH)
                    .build());
        } catch (StopSignal.Stopped stopped) {
            // cancelled or timed out: the run has already decided the outcome
        } catch (RuntimeException e) {
            attempt.onError(e);
        }
    }

    @Override
    public void close() {
        var loaded = model;
        model = null;
        if (loaded != null) {
            loaded.close();
        }
    }

    /**
     * Jlama's generation loop swallows exceptions thrown by the token callback, so stopping it takes an
     * {@link Error}; it leaves the loop, Jlama frees the session's buffers, and nothing else sees it.
     */
    private static final class StopSignal implements StreamingHandle {

        static final Stopped STOP = new Stopped();

        private volatile boolean cancelled;

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        static final class Stopped extends Error {
            Stopped() {
                super("generation stopped", null, false, false);
            }
        }
    }
}
