package org.govchat.model;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import org.govchat.model.GenerationFailure.Kind;

/**
 * One try of a generation on one backend: receives LangChain4j's callbacks, keeps the clocks for the
 * timeouts and knows how to stop the stream. Its outcome is decided by the {@link GenerationRun}.
 */
final class Attempt implements StreamingChatResponseHandler, Deadline {

    /** The attempt a virtual thread is streaming for, so the HTTP client can hand it the exchange. */
    static final ScopedValue<Attempt> CURRENT = ScopedValue.newInstance();

    private static final int MAX_MESSAGE = 500;

    private final GenerationRun run;
    private final Backend backend;
    private final String model;
    private final long startedAt = System.nanoTime();
    /** When the generation's first attempt started: the total timeout covers failovers too. */
    private final long generationStartedAt;

    private volatile long lastTokenAt; // 0 until the first token of any kind
    private volatile boolean closed;
    private volatile Runnable abortAction;
    private volatile StreamingHandle streamingHandle;

    // guarded by the run
    final ReasoningSplitter splitter;
    final StringBuilder heldReasoning = new StringBuilder();
    boolean answered;

    Attempt(GenerationRun run, Backend backend, String model, long generationStartedAt) {
        this.generationStartedAt = generationStartedAt;
        this.run = run;
        this.backend = backend;
        this.model = model;
        this.splitter = new ReasoningSplitter(text -> run.answer(this, text), text -> run.reasoning(this, text));
    }

    Backend backend() {
        return backend;
    }

    String model() {
        return model;
    }

    boolean isClosed() {
        return closed;
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    void launch(GenerationRequest request) {
        Thread.ofVirtual().name("generation-" + backend.id()).start(() -> {
            try {
                ScopedValue.where(CURRENT, this).run(() -> backend.protocol().stream(model, request, this));
            } catch (RuntimeException | Error e) {
                onError(e);
            }
            run.streamEnded(this);
        });
    }

    /** Registers how to stop the stream now; runs it at once when the attempt was already stopped. */
    void onAbort(Runnable action) {
        abortAction = action;
        if (closed) {
            action.run();
        }
    }

    /** Marks the attempt finished; later callbacks are ignored. */
    void close() {
        closed = true;
    }

    /** Finishes the attempt and makes the backend stop: the server sees the connection close. */
    void abort() {
        closed = true;
        var handle = streamingHandle;
        if (handle != null) {
            handle.cancel();
        }
        var action = abortAction;
        if (action != null) {
            action.run();
        }
    }

    void touch() {
        lastTokenAt = System.nanoTime();
    }

    /** Called by the watchdog: the first timeout this attempt has run into, or {@code null}. */
    @Override
    public Kind overdue(long now) {
        var config = backend.config();
        if (now - generationStartedAt > config.totalTimeout().toNanos()) {
            return Kind.TOTAL_TIMEOUT;
        }
        long last = lastTokenAt;
        if (last == 0) {
            return now - startedAt > config.firstTokenTimeout().toNanos() ? Kind.FIRST_TOKEN_TIMEOUT : null;
        }
        return now - last > config.betweenTokensTimeout().toNanos() ? Kind.STALLED : null;
    }

    /** Called by the watchdog when {@link #overdue} found a timeout. */
    @Override
    public void expire(Kind kind) {
        run.overdue(this, kind);
    }

    /** The server answered at all (any status): it is reachable. */
    void responded() {
        backend.protocol().observed(true, null);
    }

    void serverReportedError(String data) {
        run.failed(this, Kind.BACKEND_ERROR, "error event in stream: " + shorten(data), true);
    }

    @Override
    public void onPartialResponse(PartialResponse partialResponse, PartialResponseContext context) {
        if (context != null) {
            streamingHandle = context.streamingHandle();
        }
        run.content(this, partialResponse.text());
    }

    @Override
    public void onPartialResponse(String text) {
        run.content(this, text);
    }

    @Override
    public void onPartialThinking(PartialThinking partialThinking, PartialThinkingContext context) {
        if (context != null) {
            streamingHandle = context.streamingHandle();
        }
        run.thinking(this, partialThinking.text());
    }

    @Override
    public void onPartialThinking(PartialThinking partialThinking) {
        run.thinking(this, partialThinking.text());
    }

    @Override
    public void onCompleteResponse(ChatResponse response) {
        run.completed(this, response);
    }

    @Override
    public void onError(Throwable error) {
        if (closed) {
            return;
        }
        var http = find(error, HttpException.class);
        if (http != null) {
            int status = http.statusCode();
            // a request the server refuses says nothing about its health
            boolean serverFault = status >= 500 || status == 408 || status == 429;
            run.failed(this, Kind.BACKEND_ERROR, "HTTP " + status + ": " + shorten(http.getMessage()), serverFault);
            return;
        }
        if (find(error, ConnectException.class) != null || find(error, HttpConnectTimeoutException.class) != null) {
            backend.protocol().observed(false, "cannot connect: " + shorten(describe(error)));
        }
        run.failed(this, Kind.BACKEND_ERROR, shorten(describe(error)), true);
    }

    private static String describe(Throwable error) {
        var root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == error ? error.toString() : error.getClass().getSimpleName() + ": " + root;
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (var e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (type.isInstance(e)) {
                return type.cast(e);
            }
        }
        return null;
    }

    private static String shorten(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "…";
    }
}
