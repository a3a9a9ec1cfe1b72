package org.govchat.model;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one generation's listener calls in order, one at a time. Calls that may take long (ending a
 * turn stores it) run on a virtual thread of their own, never on the caller's thread. A short call (a
 * token) runs on the caller's thread when nothing is waiting before it: that saves a thread hop per token
 * on the path every answer's text takes.
 */
final class ListenerMailbox {

    private static final Logger log = LoggerFactory.getLogger(ListenerMailbox.class);

    private final ConcurrentLinkedQueue<Runnable> calls = new ConcurrentLinkedQueue<>();
    /** Calls queued or running; the one who takes it from 0 delivers until it is back at 0. */
    private final AtomicInteger pending = new AtomicInteger();

    /** Queues a call for the mailbox's own thread. */
    void post(Runnable call) {
        calls.add(call);
        if (pending.getAndIncrement() == 0) {
            startDelivering();
        }
    }

    /**
     * Runs a short call here and now when no other call is queued or running, and queues it otherwise.
     * Calls posted meanwhile are delivered after it, on the mailbox's own thread.
     */
    void runOrPost(Runnable call) {
        if (!pending.compareAndSet(0, 1)) {
            post(call);
            return;
        }
        deliver(call);
        if (pending.decrementAndGet() > 0) {
            startDelivering();
        }
    }

    private void startDelivering() {
        Thread.ofVirtual().name("generation-listener").start(this::drain);
    }

    private void drain() {
        do {
            deliver(calls.poll());
        } while (pending.decrementAndGet() > 0);
    }

    private static void deliver(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.warn("A generation listener failed: {}", e.toString());
        }
    }
}
