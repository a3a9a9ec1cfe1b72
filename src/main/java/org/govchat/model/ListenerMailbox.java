package org.govchat.model;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one generation's listener calls in order, one at a time, on a virtual thread: never on the
 * caller's thread and never inside one of our locks, so a slow listener holds up nobody else.
 */
final class ListenerMailbox {

    private static final Logger log = LoggerFactory.getLogger(ListenerMailbox.class);

    private final ConcurrentLinkedQueue<Runnable> calls = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();

    void post(Runnable call) {
        calls.add(call);
        if (pending.getAndIncrement() == 0) {
            Thread.ofVirtual().name("generation-listener").start(this::drain);
        }
    }

    private void drain() {
        do {
            var call = calls.poll();
            try {
                call.run();
            } catch (RuntimeException e) {
                log.warn("A generation listener failed: {}", e.toString());
            }
        } while (pending.decrementAndGet() > 0);
    }
}
