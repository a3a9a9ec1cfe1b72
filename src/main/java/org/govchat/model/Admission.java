package org.govchat.model;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.function.IntConsumer;

/**
 * One backend's door: at most {@code maxConcurrent} generations at once, then a bounded first-come,
 * first-served queue whose members hear their position whenever it changes.
 *
 * <p>Callbacks never run into a caller's lock: positions are handed to the (non-blocking) listener
 * mailbox, and an admitted ticket is started on a virtual thread of its own.
 */
final class Admission {

    /** Used for Retry-After until real durations have been seen. */
    private static final Duration FIRST_GUESS = Duration.ofSeconds(10);

    enum Offer {
        /** A slot was free: start now. */
        STARTED,
        /** Waiting; the ticket hears its position and, later, its admission. */
        QUEUED,
        /** The queue is full. */
        FULL
    }

    /** A place in the queue. */
    static final class Ticket {
        private final IntConsumer onPosition;
        private final Runnable onAdmitted;
        private int position;

        Ticket(IntConsumer onPosition, Runnable onAdmitted) {
            this.onPosition = onPosition;
            this.onAdmitted = onAdmitted;
        }
    }

    private final int maxConcurrent;
    private final int maxQueue;
    private final ArrayDeque<Ticket> queue = new ArrayDeque<>();
    private int running;
    private double averageSeconds = FIRST_GUESS.toSeconds();

    Admission(int maxConcurrent, int maxQueue) {
        if (maxConcurrent < 1 || maxQueue < 0) {
            throw new IllegalArgumentException("max-concurrent must be at least 1 and max-queue at least 0");
        }
        this.maxConcurrent = maxConcurrent;
        this.maxQueue = maxQueue;
    }

    synchronized Offer offer(Ticket ticket) {
        if (running < maxConcurrent && queue.isEmpty()) {
            running++;
            return Offer.STARTED;
        }
        if (queue.size() >= maxQueue) {
            return Offer.FULL;
        }
        queue.addLast(ticket);
        tell(ticket, queue.size());
        return Offer.QUEUED;
    }

    /** A running generation gave its slot back after {@code took}. */
    synchronized void release(Duration took) {
        running--;
        if (took != null) {
            averageSeconds = 0.8 * averageSeconds + 0.2 * (took.toMillis() / 1000.0);
        }
        boolean moved = false;
        while (running < maxConcurrent && !queue.isEmpty()) {
            var next = queue.pollFirst();
            running++;
            moved = true;
            Thread.ofVirtual().name("generation-admitted").start(next.onAdmitted);
        }
        if (moved) {
            renumber();
        }
    }

    /** Takes a waiting ticket out of the queue; {@code false} when it was already admitted. */
    synchronized boolean withdraw(Ticket ticket) {
        if (!queue.remove(ticket)) {
            return false;
        }
        renumber();
        return true;
    }

    synchronized int running() {
        return running;
    }

    synchronized int queued() {
        return queue.size();
    }

    /** A fair guess of when a slot could be had: the queue ahead times the usual duration, per slot. */
    synchronized Duration retryAfter() {
        double seconds = averageSeconds * (queue.size() + 1) / maxConcurrent;
        return Duration.ofSeconds(Math.clamp(Math.round(seconds), 1, 120));
    }

    private void renumber() {
        int position = 1;
        for (var ticket : queue) {
            tell(ticket, position++);
        }
    }

    private static void tell(Ticket ticket, int position) {
        if (ticket.position != position) {
            ticket.position = position;
            ticket.onPosition.accept(position);
        }
    }
}
