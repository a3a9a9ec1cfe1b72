package org.govchat.chat;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.govchat.conversation.ConversationSignals;
import org.govchat.conversation.Conversations;
import org.govchat.conversation.MessageStatus;
import org.govchat.conversation.TurnStarted;
import org.govchat.platform.web.ProblemTypes;
import org.govchat.platform.web.ServerSentEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a turn to one SSE connection, on the request's own (virtual) thread. Each connection has its own
 * writer and its own offset into the answer: it sends whatever is new since its last write, so a slow client
 * gets bigger deltas instead of an ever-growing buffer, and never slows the model or other clients. Every event's
 * {@code id} is the number of answer characters delivered so far: a client that reconnects with
 * {@code Last-Event-ID} gets exactly the rest.
 *
 * <p>Events are written straight to the response ({@link ServerSentEvents}), one write and one flush an
 * event: per-token work is what decides how many streams a replica carries. The first text goes out the
 * moment it is there; after that, an answer's text is announced to its writers at most once per
 * {@link ChatProperties#deltaInterval()} (tokens that come meanwhile go out together, see {@link DeltaPacer}):
 * a reader sees no difference at 20 updates a second, and a stream of one- or two-character tokens (Chinese
 * text) costs the server, the network and the browser a fraction of the events.
 */
@Component
class TurnStream {

    private static final Logger log = LoggerFactory.getLogger(TurnStream.class);

    private final ChatProperties properties;
    private final Conversations conversations;
    private final ConversationSignals signals;
    private final MessageSource messages;
    private final JsonMapper json;

    TurnStream(
            ChatProperties properties,
            Conversations conversations,
            ConversationSignals signals,
            MessageSource messages,
            JsonMapper json) {
        this.properties = properties;
        this.conversations = conversations;
        this.signals = signals;
        this.messages = messages;
        this.json = json;
    }

    /**
     * Streams a turn generated on this replica, from character {@code offset} on. The answer of a supervised
     * turn is not streamed: the client hears that it is held, and gets its approved text once an officer
     * has decided. Returns when the stream has ended, or after {@link ChatProperties#streamTimeout()}.
     */
    void follow(LiveTurn turn, int offset, boolean announceStart, HttpServletResponse response) throws IOException {
        ServerSentEvents.stream(response, json, out -> {
            var deadline = System.nanoTime() + properties.streamTimeout().toNanos();
            var supervised = turn.started().supervised();
            try {
                if (announceStart) {
                    var started = turn.started();
                    out.event(
                            offset,
                            "start",
                            new StreamEvents.Start(
                                    started.userMessageId(),
                                    started.assistantMessageId(),
                                    turn.language().tag()));
                }
                if (supervised) {
                    out.event(offset, "held", new StreamEvents.Held(turn.messageId()));
                }
                var cursor = offset;
                var lastQueuePosition = 0;
                var seen = -1L;
                // past the deadline the stream just ends: the client resumes after its last event
                while (System.nanoTime() - deadline < 0) {
                    var state = turn.awaitChange(seen, cursor);
                    if (state.version() == seen) {
                        out.keepAlive();
                        continue;
                    }
                    seen = state.version();
                    if (state.queuePosition() > 0 && state.queuePosition() != lastQueuePosition) {
                        out.event(cursor, "queued", new StreamEvents.Queued(state.queuePosition()));
                    }
                    lastQueuePosition = state.queuePosition();
                    if (!supervised && !state.textAfterOffset().isEmpty()) {
                        cursor = state.length();
                        out.event(cursor, "delta", new StreamEvents.Delta(state.textAfterOffset()));
                    }
                    if (state.isFinal()) {
                        if (supervised) {
                            // stored before readers hear of the end: the row says whether it waits for review
                            streamStored(
                                    out,
                                    turn.messageId(),
                                    offset,
                                    turn.language().uiLocale(),
                                    true);
                            return;
                        }
                        end(
                                out,
                                turn.messageId(),
                                state.status(),
                                state.errorType(),
                                new StreamEvents.Usage(state.tokensIn(), state.tokensOut()),
                                cursor,
                                turn.language().uiLocale());
                        return;
                    }
                }
            } catch (IOException gone) {
                // the client went away; the generation carries on and can be resumed
                log.debug("Client left turn {}: {}", turn.messageId(), gone.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /**
     * Streams an answer this replica is not generating: finished already, running on another replica (then
     * PostgreSQL is re-read until it ends), or held for an officer's approval (then it waits for the
     * officer's decision).
     */
    void followStored(UUID messageId, int offset, Locale locale, HttpServletResponse response) throws IOException {
        ServerSentEvents.stream(response, json, out -> {
            try {
                streamStored(out, messageId, offset, locale, false);
            } catch (IOException gone) {
                log.debug("Client left stored answer {}: {}", messageId, gone.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** A question that went to the officer who has the conversation: one event, then the stream ends. */
    void relayed(TurnStarted started, HttpServletResponse response) throws IOException {
        ServerSentEvents.stream(
                response,
                json,
                out -> out.event(0, "relayed", new StreamEvents.Relayed(started.userMessageId(), started.language())));
    }

    private void streamStored(
            ServerSentEvents.Writer out, UUID messageId, int offset, Locale locale, boolean heldAnnounced)
            throws IOException, InterruptedException {
        var cursor = offset;
        var quietSince = System.nanoTime();
        var deadline = quietSince + properties.streamTimeout().toNanos();
        var announced = heldAnnounced;
        ConversationSignals.Subscription review = null;
        try {
            while (true) {
                var snapshot = conversations.snapshot(messageId);
                var content = snapshot.content();
                if (content.length() > cursor) {
                    var rest = content.substring(Math.max(cursor, 0));
                    cursor = content.length();
                    out.event(cursor, "delta", new StreamEvents.Delta(rest));
                    quietSince = System.nanoTime();
                }
                if (snapshot.status().isFinal()) {
                    end(out, messageId, snapshot.status(), snapshot.errorType(), null, cursor, locale);
                    return;
                }
                if (System.nanoTime() - deadline > 0) {
                    return; // open too long: the client resumes after its last event
                }
                if (snapshot.held()) {
                    if (!announced) {
                        out.event(cursor, "held", new StreamEvents.Held(messageId));
                        announced = true;
                    }
                    // an officer's decision can take minutes: wait for its signal rather than polling
                    if (review == null) {
                        review = signals.subscribe(snapshot.conversationId());
                        continue; // read once more: the decision may have come before the subscription
                    }
                    if (!review.await(properties.keepAliveInterval())) {
                        out.keepAlive();
                    }
                    if (review.ended()) {
                        return; // shutting down: the client resumes on another replica
                    }
                    continue;
                }
                if (Duration.ofNanos(System.nanoTime() - quietSince).compareTo(properties.keepAliveInterval()) > 0) {
                    out.keepAlive();
                    quietSince = System.nanoTime();
                }
                Thread.sleep(properties.remotePollInterval());
            }
        } finally {
            if (review != null) {
                review.close();
            }
        }
    }

    private void end(
            ServerSentEvents.Writer out,
            UUID messageId,
            MessageStatus status,
            String errorType,
            StreamEvents.Usage usage,
            int cursor,
            Locale locale)
            throws IOException {
        if (status == MessageStatus.COMPLETE || status == MessageStatus.CANCELLED) {
            out.event(cursor, "done", new StreamEvents.Done(messageId, status.name(), usage));
        } else {
            out.event(
                    cursor,
                    "error",
                    new StreamEvents.Error(messageId, status.name(), problem(status, errorType, locale)));
        }
    }

    /** The translated problem a citizen sees for an answer that failed or broke off. */
    ProblemDetail problem(MessageStatus status, String errorType, Locale locale) {
        var slug = status == MessageStatus.PARTIAL ? "answer-interrupted" : "assistant-unavailable";
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, messages.getMessage("problem." + slug, null, slug, locale));
        problem.setType(ProblemTypes.of(slug));
        problem.setTitle(status == MessageStatus.PARTIAL ? "Answer interrupted" : "Assistant unavailable");
        if (errorType != null) {
            problem.setProperty("cause", errorType);
        }
        return problem;
    }
}
