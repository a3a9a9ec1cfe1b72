package org.govchat.admin.assistant;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.govchat.language.ScriptGuard;
import org.govchat.model.GenerationFailure;
import org.govchat.model.GenerationListener;
import org.govchat.model.GenerationResult;

/**
 * One playground generation: what the model does, queued as events for the admin's connection. Nothing
 * is stored; the connection owns the generation (it is cancelled when the admin leaves).
 */
final class PlaygroundRun implements GenerationListener {

    /** One SSE event to write: its name and payload. */
    record Event(String name, Object data) {
        boolean isFinal() {
            return name.equals("done") || name.equals("error");
        }
    }

    record Attempt(String backend, String model) {}

    record Delta(String text) {}

    record Queued(int position) {}

    record Usage(Integer tokensIn, Integer tokensOut) {}

    record Done(
            String status,
            Usage usage,
            String backend,
            String model,
            String finishReason,
            Integer timeToFirstTokenMs,
            int durationMs) {}

    /** @param cause what went wrong ({@code unavailable}, {@code first-token-timeout}, ...) */
    record Failed(String status, String backend, String model, String cause, int durationMs) {}

    private final ScriptGuard guard;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final long started = System.nanoTime();
    private volatile Integer timeToFirstTokenMs;
    private volatile boolean answered;

    PlaygroundRun(ScriptGuard guard) {
        this.guard = guard;
    }

    Event next(long timeoutMillis) throws InterruptedException {
        return events.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onQueued(int position) {
        events.add(new Event("queued", new Queued(position)));
    }

    @Override
    public void onAttempt(String backendId, String model) {
        events.add(new Event("attempt", new Attempt(backendId, model)));
    }

    @Override
    public void onAnswerToken(String text) {
        if (timeToFirstTokenMs == null) {
            timeToFirstTokenMs = elapsed();
        }
        answered = true;
        var safe = guard.push(text);
        if (!safe.isEmpty()) {
            events.add(new Event("delta", new Delta(safe)));
        }
    }

    @Override
    public void onReasoningToken(String text) {
        events.add(new Event("reasoning", new Delta(text)));
    }

    @Override
    public void onComplete(GenerationResult result) {
        flushGuard();
        events.add(new Event(
                "done",
                new Done(
                        "COMPLETE",
                        new Usage(result.tokensIn(), result.tokensOut()),
                        result.backendId(),
                        result.model(),
                        result.finishReason(),
                        timeToFirstTokenMs,
                        elapsed())));
    }

    @Override
    public void onFailed(GenerationFailure failure) {
        flushGuard();
        events.add(new Event(
                "error",
                new Failed(
                        answered ? "PARTIAL" : "FAILED",
                        failure.backendId(),
                        failure.model(),
                        failure.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                        elapsed())));
    }

    @Override
    public void onCancelled() {
        events.add(new Event("error", new Failed("CANCELLED", null, null, "cancelled", elapsed())));
    }

    private void flushGuard() {
        var rest = guard.finish();
        if (!rest.isEmpty()) {
            events.add(new Event("delta", new Delta(rest)));
        }
    }

    private int elapsed() {
        return (int) TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }
}
