package org.govchat.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ListenerMailboxTests {

    private final ListenerMailbox mailbox = new ListenerMailbox();
    private final List<String> delivered = new CopyOnWriteArrayList<>();

    @Test
    void aTokenWithNothingWaitingIsDeliveredOnTheCallersThreadAtOnce() {
        var caller = Thread.currentThread();
        var ranOn = new Thread[1];

        mailbox.runOrPost(() -> ranOn[0] = Thread.currentThread());

        assertThat(ranOn[0]).isSameAs(caller);
    }

    @Test
    void otherCallsNeverRunOnTheCallersThread() throws InterruptedException {
        var caller = Thread.currentThread();
        var done = new CountDownLatch(1);
        var ranOn = new Thread[1];

        mailbox.post(() -> {
            ranOn[0] = Thread.currentThread();
            done.countDown();
        });

        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(ranOn[0]).isNotSameAs(caller);
    }

    @Test
    void aTokenWaitsBehindASlowCallAndEverythingArrivesInOrder() throws InterruptedException {
        var slowCallRunning = new CountDownLatch(1);
        var releaseSlowCall = new CountDownLatch(1);
        var allDelivered = new CountDownLatch(3);
        mailbox.post(() -> {
            slowCallRunning.countDown();
            await(releaseSlowCall);
            record("attempt", allDelivered);
        });
        assertThat(slowCallRunning.await(5, TimeUnit.SECONDS)).isTrue();

        mailbox.runOrPost(() -> record("token 1", allDelivered)); // must not overtake the slow call
        mailbox.runOrPost(() -> record("token 2", allDelivered));
        assertThat(delivered).isEmpty();
        releaseSlowCall.countDown();

        assertThat(allDelivered.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(delivered).containsExactly("attempt", "token 1", "token 2");
    }

    @Test
    void callsPostedWhileATokenIsDeliveredHereFollowItInOrder() throws InterruptedException {
        var allDelivered = new CountDownLatch(3);

        mailbox.runOrPost(() -> {
            // another thread (the admission, a cancel) posts while this token is being delivered
            mailbox.post(() -> record("queued", allDelivered));
            mailbox.post(() -> record("final", allDelivered));
            record("token", allDelivered);
        });

        assertThat(allDelivered.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(delivered).containsExactly("token", "queued", "final");
    }

    @Test
    void aFailingListenerCallDoesNotStopTheOnesAfterIt() throws InterruptedException {
        var allDelivered = new CountDownLatch(1);

        mailbox.runOrPost(() -> {
            throw new IllegalStateException("listener broke");
        });
        mailbox.post(() -> record("next", allDelivered));

        assertThat(allDelivered.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(delivered).containsExactly("next");
    }

    private void record(String call, CountDownLatch latch) {
        delivered.add(call);
        latch.countDown();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
