package org.govchat.chat;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.govchat.conversation.AssistantOutcome;
import org.govchat.conversation.ConversationDeleted;
import org.govchat.conversation.Conversations;
import org.govchat.conversation.TurnStarted;
import org.govchat.language.Language;
import org.govchat.language.ScriptGuard;
import org.govchat.platform.cluster.AppInstance;
import org.govchat.platform.cluster.PostgresNotifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The answers this replica is generating. It flushes their text to PostgreSQL as it grows, stores each
 * answer's outcome (retrying while the database is away, so no answer is lost), stops generations on
 * request from any replica, and closes answers orphaned by a process that died.
 */
@Component
class LiveTurns {

    static final String CANCEL_CHANNEL = "govchat_cancel";
    private static final Logger log = LoggerFactory.getLogger(LiveTurns.class);
    private static final Duration MAX_PERSIST_RETRY = Duration.ofMinutes(10);

    private final ConcurrentHashMap<UUID, LiveTurn> turns = new ConcurrentHashMap<>();
    private final Conversations conversations;
    private final AppInstance instance;
    private final PostgresNotifications notifications;
    private final Instant startedAt = Instant.now();

    private final DeltaPacer pacer;

    LiveTurns(
            Conversations conversations,
            AppInstance instance,
            PostgresNotifications notifications,
            ChatProperties properties) {
        this.conversations = conversations;
        this.instance = instance;
        this.notifications = notifications;
        this.pacer = new DeltaPacer(properties.deltaInterval(), properties.keepAliveInterval(), turns::values);
        notifications.listen(
                CANCEL_CHANNEL, payload -> find(UUID.fromString(payload)).ifPresent(LiveTurn::cancel));
    }

    /** A turn about to be generated here: registered, so that it is flushed, paced and can be cancelled. */
    LiveTurn open(TurnStarted started, Language language, ScriptGuard guard) {
        var turn = new LiveTurn(started, language, guard, pacer, this::persist);
        turns.put(turn.messageId(), turn);
        return turn;
    }

    @PreDestroy
    void stopPacing() {
        pacer.close();
    }

    Optional<LiveTurn> find(UUID messageId) {
        return Optional.ofNullable(turns.get(messageId));
    }

    int size() {
        return turns.size();
    }

    /** Stops a generation wherever it runs: here directly, elsewhere through PostgreSQL. */
    void cancel(UUID messageId) {
        var local = turns.get(messageId);
        if (local != null) {
            local.cancel();
        } else {
            notifications.notify(CANCEL_CHANNEL, messageId.toString());
        }
    }

    /** Called by a turn when it ends: store the outcome, then forget the turn. */
    void persist(LiveTurn turn, AssistantOutcome outcome) {
        try {
            conversations.finish(turn.messageId(), outcome);
            turns.remove(turn.messageId());
        } catch (RuntimeException e) {
            log.warn(
                    "Could not store answer {} yet ({}); retrying in the background", turn.messageId(), e.getMessage());
            Thread.ofVirtual().name("persist-" + turn.messageId()).start(() -> retryPersist(turn, outcome));
        }
    }

    private void retryPersist(LiveTurn turn, AssistantOutcome outcome) {
        var deadline = Instant.now().plus(MAX_PERSIST_RETRY);
        var backoff = 250L;
        while (Instant.now().isBefore(deadline)) {
            sleep(backoff);
            try {
                conversations.finish(turn.messageId(), outcome);
                turns.remove(turn.messageId());
                log.info("Stored answer {} after the database came back", turn.messageId());
                return;
            } catch (RuntimeException e) {
                backoff = Math.min(backoff * 2, 5_000L);
            }
        }
        turns.remove(turn.messageId());
        log.error("Gave up storing answer {}: the orphan sweep will close it", turn.messageId());
    }

    @Scheduled(fixedDelayString = "${govchat.chat.flush-interval:500ms}")
    void flush() {
        var batch = new HashMap<UUID, Conversations.PartialAnswer>();
        var flushed = new HashMap<UUID, LiveTurn>();
        for (var turn : turns.values()) {
            var dirty = turn.takeDirty();
            if (dirty != null) {
                batch.put(turn.messageId(), new Conversations.PartialAnswer(dirty[0], dirty[1]));
                flushed.put(turn.messageId(), turn);
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            conversations.flush(batch);
        } catch (RuntimeException e) {
            flushed.values().forEach(LiveTurn::markDirtyAgain);
            log.warn("Could not flush {} answers ({}); will retry", batch.size(), e.getMessage());
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(
            fixedDelayString = "${govchat.chat.orphan-sweep-interval:5s}",
            initialDelayString = "${govchat.chat.orphan-sweep-interval:5s}")
    void closeOrphans() {
        try {
            var closed = conversations.closeOrphans(instance.id(), startedAt, AppInstance.STALE_AFTER_SECONDS);
            if (closed > 0) {
                log.warn("Closed {} answers orphaned by a stopped instance", closed);
            }
        } catch (RuntimeException e) {
            log.debug("Orphan sweep skipped: {}", e.getMessage());
        }
    }

    @TransactionalEventListener
    void on(ConversationDeleted deleted) {
        turns.values().stream()
                .filter(turn -> turn.conversationId().equals(deleted.conversationId()))
                .forEach(LiveTurn::cancel);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
