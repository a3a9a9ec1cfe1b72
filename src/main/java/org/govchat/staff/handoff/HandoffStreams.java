package org.govchat.staff.handoff;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.govchat.conversation.ConversationNotFound;
import org.govchat.conversation.ConversationSignals;
import org.govchat.conversation.ConversationStatus;
import org.govchat.conversation.LiveConversations;
import org.govchat.conversation.MessageRole;
import org.govchat.conversation.MessageView;
import org.govchat.conversation.TranscriptMessage;
import org.govchat.identity.DepartmentAccess;
import org.govchat.identity.Officer;
import org.govchat.platform.web.ServerSentEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live streams of a handoff, all resumable and all fed by PostgreSQL: a signal ({@link
 * ConversationSignals}, NOTIFY from any replica) only says "look again".
 *
 * <ul>
 *   <li>A conversation, for its citizen while it is with an officer, and for officers: {@code state} (the
 *       handoff as the reader may see it) whenever it changes, and {@code message} for every message after
 *       the reader's position. Each event's {@code id} is the sequence number of the last message passed;
 *       reconnecting with {@code Last-Event-ID} continues right after it.
 *   <li>A department's inbox, for officers: {@code inbox} with the whole (small) list whenever it changes; a
 *       reconnecting reader simply gets the list again.
 * </ul>
 */
@Component
class HandoffStreams {

    private static final Logger log = LoggerFactory.getLogger(HandoffStreams.class);
    private static final int PAGE = 100;

    private final LiveConversations live;
    private final ConversationSignals signals;
    private final Handoffs handoffs;
    private final Inbox inbox;
    private final HandoffProperties properties;
    private final JsonMapper json;

    HandoffStreams(
            LiveConversations live,
            ConversationSignals signals,
            Handoffs handoffs,
            Inbox inbox,
            HandoffProperties properties,
            JsonMapper json) {
        this.live = live;
        this.signals = signals;
        this.handoffs = handoffs;
        this.inbox = inbox;
        this.properties = properties;
        this.json = json;
    }

    /**
     * What the citizen needs while an officer has (or will have) the conversation: the officer's messages
     * and the notices. It ends once the conversation is no longer with an officer.
     */
    StreamingResponseBody citizen(UUID conversationId, String ownerRef, int afterSeq, HttpServletResponse response) {
        return conversation(
                conversationId,
                afterSeq,
                response,
                () -> handoffs.citizenView(conversationId, ownerRef),
                message -> message.role() == MessageRole.STAFF || message.role() == MessageRole.SYSTEM
                        // as the citizen sees it: without the officer's name
                        ? Optional.of(new MessageView(
                                message.id(),
                                message.seq(),
                                message.role(),
                                message.content(),
                                message.status(),
                                message.language(),
                                message.createdAt(),
                                null))
                        : Optional.empty(),
                state -> state.status() != ConversationStatus.ESCALATED);
    }

    /** Every message of the conversation, for an officer of its department. */
    StreamingResponseBody officer(UUID conversationId, Officer officer, int afterSeq, HttpServletResponse response) {
        return conversation(
                conversationId,
                afterSeq,
                response,
                () -> handoffs.officerView(conversationId, officer),
                Optional::of,
                state -> false);
    }

    /** The inbox of the officer's departments. */
    StreamingResponseBody inbox(Officer officer, HttpServletResponse response) {
        var scope = DepartmentAccess.servedBy(officer);
        return body -> {
            var out = ServerSentEvents.writer(body, response, json);
            var ends = System.nanoTime() + properties.streamMaxDuration().toNanos();
            try (var subscription = signals.subscribeInbox(scope)) {
                Inbox.Snapshot last = null;
                var version = 0L;
                while (System.nanoTime() < ends && !subscription.ended()) {
                    var current = inbox.snapshot(officer);
                    if (!current.sameContentAs(last)) {
                        out.event(++version, "inbox", current);
                        last = current;
                    }
                    if (!subscription.await(properties.keepAliveInterval())) {
                        out.keepAlive();
                    }
                }
            } catch (IOException gone) {
                log.debug("Officer left the inbox stream: {}", gone.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    private <S> StreamingResponseBody conversation(
            UUID conversationId,
            int afterSeq,
            HttpServletResponse response,
            Supplier<S> state,
            Function<TranscriptMessage, Optional<Object>> shown,
            Predicate<S> over) {
        return body -> {
            var out = ServerSentEvents.writer(body, response, json);
            var ends = System.nanoTime() + properties.streamMaxDuration().toNanos();
            try (var subscription = signals.subscribe(conversationId)) {
                var cursor = afterSeq;
                S last = null;
                while (true) {
                    var current = state.get();
                    if (!current.equals(last)) {
                        out.event(cursor, "state", current);
                        last = current;
                    }
                    int read;
                    do {
                        var batch = live.after(conversationId, cursor, PAGE);
                        read = batch.size();
                        for (var message : batch) {
                            cursor = message.seq();
                            var payload = shown.apply(message);
                            if (payload.isPresent()) {
                                out.event(cursor, "message", payload.get());
                            }
                        }
                    } while (read == PAGE);
                    if (over.test(current) || System.nanoTime() > ends || subscription.ended()) {
                        return;
                    }
                    if (!subscription.await(properties.keepAliveInterval())) {
                        out.keepAlive();
                    }
                }
            } catch (ConversationNotFound erased) {
                log.debug("Conversation {} was erased while followed", conversationId);
            } catch (IOException gone) {
                log.debug("Reader left conversation {}: {}", conversationId, gone.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }
}
