package org.govchat.model;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enforces first-token, between-tokens and total timeouts for every running attempt, and the longest wait in
 * a backend's queue. One sweep over all of them a few times a second costs less than a timer per token: a
 * token only writes a timestamp.
 */
final class DeadlineWatchdog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatchdog.class);
    static final long SWEEP_MILLIS = 25;

    private final Set<Deadline> deadlines = ConcurrentHashMap.newKeySet();
    private final Thread sweeper;
    private volatile boolean running = true;

    DeadlineWatchdog() {
        sweeper = Thread.ofPlatform().daemon().name("model-deadlines").start(this::sweepForever);
    }

    void watch(Deadline deadline) {
        deadlines.add(deadline);
    }

    void forget(Deadline deadline) {
        deadlines.remove(deadline);
    }

    private void sweepForever() {
        while (running) {
            try {
                Thread.sleep(SWEEP_MILLIS);
                long now = System.nanoTime();
                for (var deadline : deadlines) {
                    var kind = deadline.overdue(now);
                    if (kind != null && deadlines.remove(deadline)) {
                        Thread.ofVirtual().name("generation-timeout").start(() -> deadline.expire(kind));
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
