package org.govchat.chat;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import org.govchat.conversation.AssistantOutcome;
import org.govchat.conversation.MessageStatus;
import org.govchat.conversation.TurnStarted;
import org.govchat.language.Language;
import org.govchat.language.ScriptGuard;
import org.govchat.model.Generation;
import org.govchat.model.GenerationFailure;
import org.govchat.model.GenerationListener;
import org.govchat.model.GenerationResult;

/**
 * One answer being generated on this replica. The generation writes into it; any number of SSE
 * connections read from it at their own pace (each keeps its own offset), so a slow or vanished client
 * never holds up the model, and a reconnecting one picks up where it left off.
 */
final class LiveTurn implements GenerationListener, TurnOutcome {

    /**
     * What a reader sees at one moment: the text after its own offset (not the whole answer, which would
     * be copied again for every token), and where the answer ends now.
     */
    record State(
            long version,
            String textAfterOffset,
            int length,
            int queuePosition,
            MessageStatus status,
            String errorType,
            Integer tokensIn,
            Integer tokensOut) {

        boolean isFinal() {
            return status.isFinal();
        }
    }

    private final TurnStarted started;
    private final Language language;
    private final ScriptGuard guard;
    private final BiConsumer<LiveTurn, AssistantOutcome> onFinal;
    private final long startNanos = System.nanoTime();
    private final DeltaPacer pacer;
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when something is announced to readers, or when they should send a keep-alive. */
    private final Condition changed = lock.newCondition();

    private final CompletableFuture<MessageStatus> completion = new CompletableFuture<>();

    // guarded by lock
    private final StringBuilder content = new StringBuilder();
    private final StringBuilder reasoning = new StringBuilder();
    /** Counts every change; readers see it when it is announced. */
    private long version;
    /** The version readers were last told of. */
    private long announced;
    /** Counts the times readers were woken to send a keep-alive. */
    private long keepAlives;
    /** When text may be announced next ({@link System#nanoTime()}). */
    private long nextAnnouncementAt = startNanos;
    /** Whether text waits for {@link #nextAnnouncementAt} (the pacer will announce it). */
    private boolean holdingBack;
    /** When readers were last woken, by news or for a keep-alive. */
    private long lastWakeAt = startNanos;

    private int queuePosition;
    private MessageStatus status = MessageStatus.STREAMING;
    private String errorType;
    private String backend;
    private String model;
    private Integer tokensIn;
    private Integer tokensOut;
    private Integer timeToFirstTokenMs;
    private boolean dirty;
    private Generation generation;
    private boolean cancelRequested;
    private boolean ending;

    LiveTurn(
            TurnStarted started,
            Language language,
            ScriptGuard guard,
            DeltaPacer pacer,
            BiConsumer<LiveTurn, AssistantOutcome> onFinal) {
        this.started = started;
        this.language = language;
        this.guard = guard;
        this.pacer = pacer;
        this.onFinal = onFinal;
    }

    UUID messageId() {
        return started.assistantMessageId();
    }

    UUID conversationId() {
        return started.conversationId();
    }

    @Override
    public TurnStarted started() {
        return started;
    }

    Language language() {
        return language;
    }

    CompletableFuture<MessageStatus> completion() {
        return completion;
    }

    /** Hands over the running generation; a cancel that came first is applied now. */
    void attach(Generation running) {
        boolean cancelNow;
        lock.lock();
        try {
            generation = running;
            cancelNow = cancelRequested && !status.isFinal();
        } finally {
            lock.unlock();
        }
        if (cancelNow) {
            running.cancel();
        }
    }

    /** Asks the generation to stop; the turn ends {@code CANCELLED} with the text so far. */
    void cancel() {
        Generation running;
        lock.lock();
        try {
            if (status.isFinal()) {
                return;
            }
            cancelRequested = true;
            running = generation;
        } finally {
            lock.unlock();
        }
        if (running != null) {
            running.cancel();
        }
    }

    /**
     * Waits until readers are told of a state other than {@code seenVersion}, or are asked to send a
     * keep-alive (then the state returned has {@code seenVersion}), and returns it with the text after
     * {@code offset}. Answer text is announced at most once per {@link DeltaPacer#intervalNanos()}, so tokens
     * that come meanwhile go out together in a reader's next delta; anything else is announced at once. There
     * is no timeout: the {@link DeltaPacer} wakes readers of a quiet answer.
     */
    State awaitChange(long seenVersion, int offset) throws InterruptedException {
        lock.lock();
        try {
            var keepAlive = keepAlives;
            while (announced == seenVersion && keepAlives == keepAlive) {
                changed.await();
            }
            var from = Math.min(Math.max(offset, 0), content.length());
            return new State(
                    announced,
                    content.substring(from),
                    content.length(),
                    queuePosition,
                    status,
                    errorType,
                    tokensIn,
                    tokensOut);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Announces text held back once its time has come; {@code true} when nothing is held back any more.
     * Called by the {@link DeltaPacer}.
     */
    boolean announceIfDue(long now) {
        lock.lock();
        try {
            if (!holdingBack) {
                return true;
            }
            if (now - nextAnnouncementAt < 0) {
                return false;
            }
            announce(now, true);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Wakes the readers of an answer that has been quiet this long, so they send a keep-alive. */
    void keepAliveIfQuiet(long now, long quietNanos) {
        lock.lock();
        try {
            if (!status.isFinal() && now - lastWakeAt >= quietNanos) {
                keepAlives++;
                lastWakeAt = now;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean hasContent() {
        lock.lock();
        try {
            return !content.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /** The text to flush to the row, or {@code null} when nothing changed since the last flush. */
    String[] takeDirty() {
        lock.lock();
        try {
            if (!dirty || status.isFinal()) {
                return null;
            }
            dirty = false;
            return new String[] {content.toString(), reasoning.isEmpty() ? null : reasoning.toString()};
        } finally {
            lock.unlock();
        }
    }

    void markDirtyAgain() {
        lock.lock();
        try {
            dirty = true;
        } finally {
            lock.unlock();
        }
    }

    // ---- GenerationListener: calls arrive in order from the generation's thread ----

    @Override
    public void onQueued(int position) {
        update(() -> queuePosition = position);
    }

    @Override
    public void onAttempt(String backendId, String modelName) {
        update(() -> {
            backend = backendId;
            model = modelName;
            queuePosition = 0;
            reasoning.setLength(0); // a failed attempt's reasoning does not belong to this answer
        });
    }

    @Override
    public void onAnswerToken(String text) {
        var safe = guard.push(text);
        boolean hold;
        lock.lock();
        try {
            if (timeToFirstTokenMs == null) {
                timeToFirstTokenMs = elapsedMillis();
            }
            content.append(safe);
            dirty = true;
            version++;
            var now = System.nanoTime();
            if (now - nextAnnouncementAt >= 0) {
                announce(now, true);
                hold = false;
            } else {
                hold = !holdingBack;
                holdingBack = true;
            }
        } finally {
            lock.unlock();
        }
        if (hold) {
            pacer.later(this);
        }
    }

    @Override
    public void onReasoningToken(String text) {
        lock.lock();
        try {
            reasoning.append(text);
            dirty = true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onComplete(GenerationResult result) {
        end(
                guard.finish(),
                MessageStatus.COMPLETE,
                null,
                result.backendId(),
                result.model(),
                result.tokensIn(),
                result.tokensOut());
    }

    @Override
    public void onFailed(GenerationFailure failure) {
        // text the script guard still holds counts: it was generated and will be kept
        var rest = guard.finish();
        var hasText = failure.afterFirstToken() || !rest.isEmpty() || hasContent();
        end(
                rest,
                hasText ? MessageStatus.PARTIAL : MessageStatus.FAILED,
                failure.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                failure.backendId(),
                failure.model(),
                null,
                null);
    }

    @Override
    public void onCancelled() {
        end(guard.finish(), MessageStatus.CANCELLED, "cancelled", null, null, null, null);
    }

    /** Ends the turn without a generation (the backend refused it before it started). */
    void refused(String reason) {
        end("", MessageStatus.FAILED, reason, null, null, null, null);
    }

    private void end(
            String rest,
            MessageStatus finalStatus,
            String error,
            String finalBackend,
            String finalModel,
            Integer in,
            Integer out) {
        AssistantOutcome outcome;
        lock.lock();
        try {
            if (status.isFinal() || ending) {
                return;
            }
            ending = true;
            content.append(rest);
            if (finalBackend != null) {
                backend = finalBackend;
            }
            if (finalModel != null) {
                model = finalModel;
            }
            tokensIn = in;
            tokensOut = out;
            errorType = error;
            queuePosition = 0;
            outcome = new AssistantOutcome(
                    finalStatus,
                    content.toString(),
                    reasoning.isEmpty() ? null : reasoning.toString(),
                    backend,
                    model,
                    tokensIn,
                    tokensOut,
                    timeToFirstTokenMs,
                    elapsedMillis(),
                    errorType);
        } finally {
            lock.unlock();
        }
        // persist before telling readers, so a client that reloads on "done" reads the final row
        onFinal.accept(this, outcome);
        update(() -> status = finalStatus);
        completion.complete(finalStatus);
    }

    /** A change readers hear of at once (everything but answer text). */
    private void update(Runnable change) {
        lock.lock();
        try {
            change.run();
            version++;
            announce(System.nanoTime(), false);
        } finally {
            lock.unlock();
        }
    }

    /** Tells readers of the present version; text announced starts a new interval. Holding the lock. */
    private void announce(long now, boolean text) {
        announced = version;
        holdingBack = false;
        lastWakeAt = now;
        if (text) {
            nextAnnouncementAt = now + pacer.intervalNanos();
        }
        changed.signalAll();
    }

    private int elapsedMillis() {
        return (int) TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
