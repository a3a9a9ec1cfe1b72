package org.govchat.chat;

import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one clock behind every answer stream on this replica. An answer's readers (its SSE writers) wait for
 * it without a timeout; this thread wakes them for what a timeout would have done:
 *
 * <ul>
 *   <li><b>Held-back text.</b> A token that comes less than {@code deltaInterval} after the answer's last
 *       announcement is not announced at once: the turn asks to be announced {@link #later}, and the next tick
 *       after the interval announces whatever came meanwhile, so readers send it as one {@code delta}.
 *   <li><b>Keep-alives.</b> An answer quiet for {@code keepAliveInterval} wakes its readers without news, and
 *       they send a comment line so that proxies keep the stream open.
 * </ul>
 *
 * <p>Why not a timed wait per reader: a virtual thread that parks with a timeout has a timer task scheduled,
 * and then cancelled or fired, by the JDK's delay scheduler thread, which is woken for each. Readers used to
 * wait twice a delta with a timeout (for news, then to hold it back): at 100 streams that thread and the
 * context switches it caused showed in about 6 % of the app's CPU samples. This thread ticks every
 * {@value #TICK_MILLIS} ms while some answer holds text back, and otherwise sleeps until the next keep-alive
 * check or until a turn asks for it.
 */
final class DeltaPacer implements AutoCloseable {

    static final long TICK_MILLIS = 5;
    private static final Logger log = LoggerFactory.getLogger(DeltaPacer.class);
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS);

    private final long intervalNanos;
    private final long keepAliveNanos;
    private final long keepAliveSweepNanos;
    private final Supplier<Collection<LiveTurn>> live;
    private final Set<LiveTurn> holding = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean idle;
    private volatile boolean running = true;

    /**
     * @param deltaInterval shortest time between two announcements of one answer's text ({@code 0}: every
     *     token at once)
     * @param keepAliveInterval silence after which an answer's readers are woken to send a keep-alive
     * @param live the answers being generated on this replica, for the keep-alive check
     */
    DeltaPacer(Duration deltaInterval, Duration keepAliveInterval, Supplier<Collection<LiveTurn>> live) {
        this.intervalNanos = Math.max(0, deltaInterval.toNanos());
        this.keepAliveNanos = Math.max(TICK_NANOS, keepAliveInterval.toNanos());
        // checked a few times an interval, at most once a second: a keep-alive comes at most that much late
        this.keepAliveSweepNanos = Math.min(TimeUnit.SECONDS.toNanos(1), Math.max(TICK_NANOS, keepAliveNanos / 4));
        this.live = live;
        this.thread = Thread.ofPlatform().daemon().name("answer-pacer").start(this::run);
    }

    long intervalNanos() {
        return intervalNanos;
    }

    /** The turn holds text back: announce it at the first tick after its {@code nextAnnouncementAt}. */
    void later(LiveTurn turn) {
        if (holding.add(turn) && idle) {
            LockSupport.unpark(thread);
        }
    }

    private void run() {
        var lastSweep = System.nanoTime();
        while (running) {
            try {
                if (holding.isEmpty()) {
                    // idle is set before the set is looked at again: a turn added meanwhile sees it and unparks
                    idle = true;
                    if (holding.isEmpty()) {
                        LockSupport.parkNanos(this, keepAliveSweepNanos);
                    }
                    idle = false;
                } else {
                    LockSupport.parkNanos(this, TICK_NANOS);
                }
                var now = System.nanoTime();
                for (var turn : holding.toArray(LiveTurn[]::new)) {
                    // removed first: a turn that holds text back again meanwhile adds itself back
                    holding.remove(turn);
                    if (!turn.announceIfDue(now)) {
                        holding.add(turn);
                    }
                }
                if (now - lastSweep >= keepAliveSweepNanos) {
                    lastSweep = now;
                    for (var turn : live.get()) {
                        turn.keepAliveIfQuiet(now, keepAliveNanos);
                    }
                }
            } catch (RuntimeException e) {
                log.warn("Answer pacing failed: {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
    }
}
