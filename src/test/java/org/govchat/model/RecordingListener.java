package org.govchat.model;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Writes down everything a generation tells its listener, and on which thread. */
class RecordingListener implements GenerationListener {

    final List<String> events = new CopyOnWriteArrayList<>();
    final List<Integer> positions = new CopyOnWriteArrayList<>();
    final List<String> attempts = new CopyOnWriteArrayList<>();
    final List<Thread> threads = new CopyOnWriteArrayList<>();
    final StringBuilder answer = new StringBuilder();
    final StringBuilder reasoning = new StringBuilder();
    final CountDownLatch firstAnswerToken = new CountDownLatch(1);
    final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    volatile GenerationResult result;
    volatile GenerationFailure failure;
    volatile boolean cancelled;
    volatile int answerTokens;

    @Override
    public void onQueued(int position) {
        note("queued " + position);
        positions.add(position);
    }

    @Override
    public void onAttempt(String backendId, String model) {
        note("attempt " + backendId + " " + model);
        attempts.add(backendId);
        started.countDown();
    }

    @Override
    public synchronized void onAnswerToken(String text) {
        note("answer " + text);
        answer.append(text);
        answerTokens++;
        firstAnswerToken.countDown();
    }

    @Override
    public synchronized void onReasoningToken(String text) {
        note("reasoning " + text);
        reasoning.append(text);
    }

    @Override
    public void onComplete(GenerationResult result) {
        note("complete");
        this.result = result;
        ended.countDown();
    }

    @Override
    public void onFailed(GenerationFailure failure) {
        note("failed " + failure.kind());
        this.failure = failure;
        ended.countDown();
    }

    @Override
    public void onCancelled() {
        note("cancelled");
        cancelled = true;
        ended.countDown();
    }

    private void note(String event) {
        events.add(event);
        threads.add(Thread.currentThread());
    }

    RecordingListener awaitEnd() {
        return awaitEnd(Duration.ofSeconds(15));
    }

    RecordingListener awaitEnd(Duration timeout) {
        try {
            if (!ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the generation did not end within " + timeout + "; events: " + events);
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return this;
    }

    boolean endedWithin(Duration timeout) {
        try {
            return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    void awaitFirstAnswerToken() {
        try {
            if (!firstAnswerToken.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("no answer token; events: " + events);
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    synchronized String answer() {
        return answer.toString();
    }

    synchronized String reasoning() {
        return reasoning.toString();
    }

    /** The final calls the listener got: must be exactly one. */
    long finalCalls() {
        return events.stream()
                .filter(e -> e.equals("complete") || e.startsWith("failed") || e.equals("cancelled"))
                .count();
    }
}
