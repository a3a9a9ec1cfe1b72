package org.govchat.model;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enforces first-token, between-tokens and total timeouts for every running attempt. One sweep over all
 * attempts a few times a second costs less than a timer per token: a token only writes a timestamp.
 */
final class DeadlineWatchdog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatchdog.class);
    static final long SWEEP_MILLIS = 25;

    private final Set<Attempt> attempts = ConcurrentHashMap.newKeySet();
    private final Thread sweeper;
    private volatile boolean running = true;

    DeadlineWatchdog() {
        sweeper = Thread.ofPlatform().daemon().name("model-deadlines").start(this::sweepForever);
    }

    void watch(Attempt attempt) {
        attempts.add(attempt);
    }

    void forget(Attempt attempt) {
        attempts.remove(attempt);
    }

    private void sweepForever() {
        while (running) {
            try {
                Thread.sleep(SWEEP_MILLIS);
                long now = System.nanoTime();
                for (var attempt : attempts) {
                    var kind = attempt.overdue(now);
                    if (kind != null) {
                        attempts.remove(attempt);
                        Thread.ofVirtual().name("generation-timeout").start(() -> attempt.expire(kind));
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Deadline sweep failed: {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        running = false;
        sweeper.interrupt();
    }
}
