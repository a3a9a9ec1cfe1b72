package org.govchat.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * An SSE stream read on its own thread as events arrive, each stamped with the moment it was read, so a
 * test can wait for an event with a deadline (instead of blocking forever on a stream that stays silent)
 * and measure how long something took to arrive.
 */
public final class LiveEvents implements AutoCloseable {

    /** An event and when it was read ({@link System#nanoTime()}). */
    public record Arrival(CitizenClient.Event event, long nanos) {}

    private static final Arrival END = new Arrival(null, 0);

    private final CitizenClient.Stream stream;
    private final LinkedBlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
    private final List<CitizenClient.Event> seen = new ArrayList<>();
    private volatile boolean ended;

    private LiveEvents(CitizenClient.Stream stream) {
        this.stream = stream;
        Thread.ofVirtual().name("live-events").start(this::read);
    }

    public static LiveEvents of(CitizenClient.Stream stream) {
        if (stream.status() != 200) {
            throw new IllegalStateException("The stream was refused with " + stream.status());
        }
        return new LiveEvents(stream);
    }

    private void read() {
        try {
            CitizenClient.Event event;
            while ((event = stream.next()) != null) {
                arrivals.add(new Arrival(event, System.nanoTime()));
            }
        } catch (RuntimeException closed) {
            // the test closed the stream, or the connection broke
        } finally {
            arrivals.add(END);
        }
    }

    /** The next event that matches, skipping others; fails when none comes within {@code timeout}. */
    public Arrival await(Predicate<CitizenClient.Event> wanted, Duration timeout) {
        var deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            var left = deadline - System.nanoTime();
            Arrival next;
            try {
                next = left <= 0 ? null : arrivals.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (next == null) {
                throw new AssertionError("No matching event within " + timeout + "; saw " + seen);
            }
            if (next == END) {
                ended = true;
                throw new AssertionError("The stream ended without a matching event; saw " + seen);
            }
            seen.add(next.event());
            if (wanted.test(next.event())) {
                return next;
            }
        }
    }

    /** Like {@link #await}, for the event alone. */
    public CitizenClient.Event next(Predicate<CitizenClient.Event> wanted) {
        return await(wanted, Duration.ofSeconds(10)).event();
    }

    /** Whether the server ends the stream within {@code timeout} (events before the end are kept as seen). */
    public boolean endsWithin(Duration timeout) {
        if (ended) {
            return true;
        }
        var deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                var next = arrivals.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (next == null) {
                    return false;
                }
                if (next == END) {
                    ended = true;
                    return true;
                }
                seen.add(next.event());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** Every event taken so far. */
    public List<CitizenClient.Event> seen() {
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        stream.close();
    }

    /** An event of that name. */
    public static Predicate<CitizenClient.Event> named(String name) {
        return event -> event.name().equals(name);
    }

    /** A {@code message} event of that role. */
    public static Predicate<CitizenClient.Event> message(String role) {
        return event -> event.name().equals("message") && event.text("role").equals(role);
    }
}
