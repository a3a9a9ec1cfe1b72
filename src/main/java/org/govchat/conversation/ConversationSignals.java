package org.govchat.conversation;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.govchat.identity.DepartmentScope;
import org.govchat.platform.cluster.PostgresNotifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes whoever follows a conversation live (a citizen talking to an officer, the officer, a department's
 * inbox) when something they care about changed, on every replica. A signal carries no content: followers
 * re-read PostgreSQL, which stays the only truth, so a signal lost while the notification connection was
 * down costs at most one keep-alive interval of delay, never a message.
 *
 * <p>Signals travel through PostgreSQL {@code NOTIFY}; one sent inside a transaction goes out when it
 * commits (and not at all when it rolls back). This replica's own followers are also woken directly after
 * the commit, so they do not wait for the round trip.
 */
@Component
public class ConversationSignals {

    static final String CHANNEL = "govchat_conversation";
    private static final Logger log = LoggerFactory.getLogger(ConversationSignals.class);

    private record Change(UUID conversationId, String departmentId, boolean inbox) {}

    private final PostgresNotifications notifications;
    private final ConcurrentHashMap<UUID, Set<Subscription>> byConversation = new ConcurrentHashMap<>();
    private final Set<Subscription> inboxes = ConcurrentHashMap.newKeySet();
    private volatile boolean closing;

    ConversationSignals(PostgresNotifications notifications) {
        this.notifications = notifications;
        notifications.listen(CHANNEL, this::received);
    }

    /**
     * Announces that a conversation changed.
     *
     * @param inbox whether its department's inbox shows something new (an escalation, a claim, a draft to
     *     review ...), not only its followers
     */
    public void changed(UUID conversationId, String departmentId, boolean inbox) {
        var change = new Change(conversationId, departmentId, inbox);
        notifications.notify(CHANNEL, conversationId + "," + departmentId + "," + (inbox ? "1" : "0"));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake(change);
                }
            });
        } else {
            wake(change);
        }
    }

    /** Follows one conversation; subscribe before the first read, so no change in between is missed. */
    public Subscription subscribe(UUID conversationId) {
        var subscription = new Subscription(DepartmentScope.none(), self -> {
            byConversation.computeIfPresent(conversationId, (id, set) -> {
                set.remove(self);
                return set.isEmpty() ? null : set;
            });
            return true;
        });
        byConversation.compute(conversationId, (id, set) -> {
            var subscribers = set == null ? ConcurrentHashMap.<Subscription>newKeySet() : set;
            subscribers.add(subscription);
            return subscribers;
        });
        return subscription;
    }

    /** Follows the inbox of the departments in {@code scope}. */
    public Subscription subscribeInbox(DepartmentScope scope) {
        var subscription = new Subscription(scope, inboxes::remove);
        inboxes.add(subscription);
        return subscription;
    }

    /**
     * The application is shutting down: every follower is woken and told to leave ({@link
     * Subscription#ended()}), so open streams end at once instead of holding up the graceful shutdown; their
     * clients reconnect (to another replica) where they left off.
     */
    @EventListener(ContextClosedEvent.class)
    void closing() {
        closing = true;
        byConversation.values().forEach(followers -> followers.forEach(Subscription::signal));
        inboxes.forEach(Subscription::signal);
    }

    private void received(String payload) {
        var parts = payload.split(",", 3);
        if (parts.length != 3) {
            log.debug("Ignoring malformed conversation signal {}", payload);
            return;
        }
        wake(new Change(UUID.fromString(parts[0]), parts[1], parts[2].equals("1")));
    }

    private void wake(Change change) {
        var followers = byConversation.get(change.conversationId());
        if (followers != null) {
            followers.forEach(Subscription::signal);
        }
        if (change.inbox()) {
            for (var inbox : inboxes) {
                if (inbox.scope.includes(change.departmentId())) {
                    inbox.signal();
                }
            }
        }
    }

    /** A follower's doorbell; close it when the follower leaves. */
    public final class Subscription implements AutoCloseable {

        private final Semaphore rung = new Semaphore(0);
        private final DepartmentScope scope;
        private final Predicate<Subscription> unregister;

        private Subscription(DepartmentScope scope, Predicate<Subscription> unregister) {
            this.scope = scope;
            this.unregister = unregister;
        }

        private void signal() {
            if (rung.availablePermits() == 0) {
                rung.release();
            }
        }

        /**
         * Waits until something changed since the last call (or since subscribing), at most {@code timeout}.
         *
         * @return whether something changed ({@code false}: the time ran out)
         */
        public boolean await(Duration timeout) throws InterruptedException {
            var changed = rung.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
            rung.drainPermits();
            return changed;
        }

        /** Whether the follower should leave: this replica is shutting down. */
        public boolean ended() {
            return closing;
        }

        @Override
        public void close() {
            unregister.test(this);
        }
    }
}
