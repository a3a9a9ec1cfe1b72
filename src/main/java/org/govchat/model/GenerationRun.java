package org.govchat.model;

import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.List;
import org.govchat.model.GenerationFailure.Kind;

/**
 * One generation from admission to its final listener call: queues on the first usable candidate with
 * room, runs attempts, fails over while no answer text has reached the caller, and cancels.
 *
 * <p>Lock order: this run, then a backend's {@link Admission}; admission never calls back into a run
 * while holding its own lock (positions go through the mailbox, admissions start on a new thread). A token
 * delivered on the stream's thread reaches the listener while this run's lock is held, so a listener must
 * not call into the generation from inside its own lock ({@code LiveTurn} cancels outside it).
 */
final class GenerationRun implements Generation {

    private final GenerationRequest request;
    private final List<Backend> candidates;
    private final GenerationListener listener;
    private final DeadlineWatchdog watchdog;
    private final ListenerMailbox mailbox = new ListenerMailbox();
    private volatile boolean finalCallMade; // written on the mailbox's thread only

    // guarded by this
    private int next;
    private Attempt attempt;
    private Backend waitingOn;
    private Admission.Ticket ticket;
    private QueueWait queueWait;
    private boolean answerStarted;
    private boolean done;
    private Backend firstFull;
    private GenerationFailure lastFailure;
    private long firstAttemptAt; // 0 until the first attempt: waiting for the first slot does not count

    GenerationRun(
            GenerationRequest request,
            List<Backend> candidates,
            GenerationListener listener,
            DeadlineWatchdog watchdog) {
        this.request = request;
        this.candidates = List.copyOf(candidates);
        this.listener = listener;
        this.watchdog = watchdog;
    }

    /** Admits or queues the generation; throws when every usable candidate's queue is full. */
    void begin() {
        synchronized (this) {
            if (tryNextCandidates()) {
                return;
            }
            done = true;
            if (firstFull == null) {
                sendFinal(() -> listener.onFailed(lastFailure));
                return;
            }
        }
        throw new BackendQueueFull(firstFull.id(), firstFull.admission().retryAfter());
    }

    @Override
    public void cancel() {
        synchronized (this) {
            if (done) {
                return;
            }
            done = true;
            if (attempt != null) {
                end(attempt, Outcome.CANCELLED);
                attempt.abort();
            } else if (waitingOn != null) {
                waitingOn.admission().withdraw(ticket); // if admitted meanwhile, admitted() gives the slot back
                stopWaiting();
            }
            sendFinal(listener::onCancelled);
        }
    }

    @Override
    public boolean isDone() {
        return finalCallMade;
    }

    // --- from the attempt's stream (a virtual thread) ---

    synchronized void content(Attempt from, String text) {
        if (isStale(from) || text == null || text.isEmpty()) {
            return;
        }
        from.touch();
        from.splitter.accept(text);
    }

    synchronized void thinking(Attempt from, String text) {
        if (isStale(from) || text == null || text.isEmpty()) {
            return;
        }
        from.touch();
        reasoning(from, text);
    }

    /** From the splitter, under this lock. */
    void answer(Attempt from, String text) {
        if (!from.answered) {
            from.answered = true;
            answerStarted = true;
            releaseHeldReasoning(from);
        }
        sendToken(() -> listener.onAnswerToken(text));
    }

    /**
     * From the splitter or {@code reasoning_content}, under this lock. Reasoning is held back until the
     * attempt gives answer text: a failed attempt's reasoning must not reach anyone.
     */
    void reasoning(Attempt from, String text) {
        if (from.answered) {
            sendToken(() -> listener.onReasoningToken(text));
        } else {
            from.heldReasoning.append(text);
        }
    }

    synchronized void completed(Attempt from, ChatResponse response) {
        if (isStale(from)) {
            return;
        }
        if (!from.backend().protocol().endedProperly(response)) {
            failed(from, Kind.BACKEND_ERROR, "the stream ended before the server finished the answer", true);
            return;
        }
        from.splitter.finish();
        releaseHeldReasoning(from);
        end(from, Outcome.SUCCESS);
        done = true;
        var usage = response.tokenUsage();
        var result = new GenerationResult(
                from.backend().id(),
                from.model(),
                usage == null ? null : usage.inputTokenCount(),
                usage == null ? null : usage.outputTokenCount(),
                response.finishReason() == null ? null : response.finishReason().name());
        sendFinal(() -> listener.onComplete(result));
    }

    synchronized void failed(Attempt from, Kind kind, String message, boolean backendsFault) {
        if (isStale(from)) {
            return;
        }
        if (answerStarted) {
            from.splitter.finish();
        }
        end(from, backendsFault ? Outcome.FAILED : Outcome.REFUSED);
        from.abort();
        var failure = new GenerationFailure(kind, from.backend().id(), from.model(), answerStarted, message);
        if (answerStarted) {
            done = true;
            sendFinal(() -> listener.onFailed(failure));
            return;
        }
        lastFailure = failure;
        attempt = null;
        if (!tryNextCandidates()) {
            done = true;
            sendFinal(() -> listener.onFailed(lastFailure));
        }
    }

    /** The backend's stream call returned; if the attempt has no outcome yet, the stream just stopped. */
    void streamEnded(Attempt from) {
        failed(from, Kind.BACKEND_ERROR, "the stream ended before the generation finished", true);
    }

    /** From the watchdog. */
    void overdue(Attempt from, Kind kind) {
        failed(from, kind, kind + " after " + from.elapsed().toMillis() + " ms", true);
    }

    // --- admission ---

    /** Under this lock: queues on, or starts with, the next usable candidate that has room. */
    private boolean tryNextCandidates() {
        while (next < candidates.size()) {
            var backend = candidates.get(next);
            var choice = request.candidates().get(next);
            next++;
            if (!backend.isUsable()) {
                remember(
                        backend,
                        choice,
                        backend.status().state() + ": " + backend.status().reason());
                continue;
            }
            var waiting = new Admission.Ticket(
                    position -> send(() -> listener.onQueued(position)), () -> admitted(backend, choice));
            switch (backend.admission().offer(waiting)) {
                case STARTED -> {
                    if (start(backend, choice)) {
                        return true;
                    }
                }
                case QUEUED -> {
                    waitingOn = backend;
                    ticket = waiting;
                    queueWait = new QueueWait(this, backend, choice, waiting, System.nanoTime());
                    watchdog.watch(queueWait);
                    return true;
                }
                case FULL -> {
                    if (firstFull == null) {
                        firstFull = backend;
                    }
                    remember(backend, choice, "queue full");
                }
            }
        }
        return false;
    }

    /** A queued ticket got its slot (on a thread of its own). */
    private void admitted(Backend backend, BackendChoice choice) {
        synchronized (this) {
            if (!done && waitingOn == backend) {
                stopWaiting();
                if (start(backend, choice) || tryNextCandidates()) {
                    return;
                }
                done = true;
                sendFinal(() -> listener.onFailed(lastFailure));
                return;
            }
        }
        backend.admission().release(null); // cancelled meanwhile: give the slot straight back
    }

    /**
     * The generation waited in a backend's queue for as long as that backend allows (its max-queue-wait): it
     * leaves the queue for the next candidates, and fails when none of them takes it.
     */
    private void queueExpired(QueueWait expired) {
        synchronized (this) {
            if (done || queueWait != expired || !expired.backend().admission().withdraw(expired.ticket())) {
                return; // admitted, cancelled or moved on meanwhile
            }
            stopWaiting();
            var backend = expired.backend();
            remember(
                    backend,
                    expired.choice(),
                    Kind.QUEUE_TIMEOUT,
                    "waited " + backend.config().maxQueueWait().toMillis() + " ms in the queue");
            if (tryNextCandidates()) {
                return;
            }
            done = true;
            sendFinal(() -> listener.onFailed(lastFailure));
        }
    }

    /** Under this lock: no longer in a queue (admitted, withdrawn or expired). */
    private void stopWaiting() {
        if (queueWait != null) {
            watchdog.forget(queueWait);
        }
        waitingOn = null;
        ticket = null;
        queueWait = null;
    }

    /** A place in a backend's queue, watched for the backend's max-queue-wait. */
    private record QueueWait(
            GenerationRun run, Backend backend, BackendChoice choice, Admission.Ticket ticket, long since)
            implements Deadline {

        @Override
        public Kind overdue(long now) {
            return now - since > backend.config().maxQueueWait().toNanos() ? Kind.QUEUE_TIMEOUT : null;
        }

        @Override
        public void expire(Kind kind) {
            run.queueExpired(this);
        }
    }

    /** Under this lock, holding a slot of the backend. */
    private boolean start(Backend backend, BackendChoice choice) {
        if (!backend.breaker().tryAcquirePermission()) {
            backend.admission().release(null);
            remember(backend, choice, "circuit breaker open");
            return false;
        }
        var model = modelFor(backend, choice);
        if (firstAttemptAt == 0) {
            firstAttemptAt = System.nanoTime();
        }
        var started = new Attempt(this, backend, model, firstAttemptAt);
        attempt = started;
        send(() -> listener.onAttempt(backend.id(), model));
        watchdog.watch(started);
        started.launch(request);
        return true;
    }

    private enum Outcome {
        SUCCESS,
        FAILED,
        /** The backend refused the request (4xx): it answered, so its health is fine. */
        REFUSED,
        CANCELLED
    }

    /** Under this lock: the attempt's slot and breaker permission go back, exactly once. */
    private void end(Attempt ending, Outcome outcome) {
        ending.close();
        watchdog.forget(ending);
        var took = ending.elapsed();
        var breaker = ending.backend().breaker();
        switch (outcome) {
            case SUCCESS, REFUSED -> breaker.onSuccess(took.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
            case FAILED ->
                breaker.onError(
                        took.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS, new BackendFailed(ending.backend()));
            case CANCELLED -> breaker.releasePermission();
        }
        ending.backend().admission().release(outcome == Outcome.SUCCESS ? took : null);
    }

    private boolean isStale(Attempt from) {
        return done || from != attempt || from.isClosed();
    }

    private void releaseHeldReasoning(Attempt from) {
        if (!from.heldReasoning.isEmpty()) {
            var held = from.heldReasoning.toString();
            from.heldReasoning.setLength(0);
            send(() -> listener.onReasoningToken(held));
        }
    }

    private void remember(Backend backend, BackendChoice choice, String why) {
        remember(backend, choice, Kind.UNAVAILABLE, why);
    }

    /** Under this lock: why the generation could not go on; a failure of an attempt outranks these. */
    private void remember(Backend backend, BackendChoice choice, Kind kind, String why) {
        if (lastFailure == null || lastFailure.kind() == Kind.UNAVAILABLE) {
            lastFailure = new GenerationFailure(kind, backend.id(), modelFor(backend, choice), false, why);
        }
    }

    private static String modelFor(Backend backend, BackendChoice choice) {
        return choice.model() != null ? choice.model() : backend.config().defaultModel();
    }

    private void send(Runnable call) {
        mailbox.post(unlessEnded(call));
    }

    /** A token: delivered on this (the stream's) thread when no other listener call is waiting. */
    private void sendToken(Runnable call) {
        mailbox.runOrPost(unlessEnded(call));
    }

    private Runnable unlessEnded(Runnable call) {
        return () -> {
            if (!finalCallMade) {
                call.run();
            }
        };
    }

    private void sendFinal(Runnable call) {
        mailbox.post(() -> {
            if (!finalCallMade) {
                finalCallMade = true;
                call.run();
            }
        });
    }

    /** What the circuit breaker counts; never thrown. */
    private static final class BackendFailed extends RuntimeException {
        BackendFailed(Backend backend) {
            super(backend.id(), null, false, false);
        }
    }
}
