package org.govchat.chat;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.govchat.conversation.Conversations;
import org.govchat.conversation.MessageStatus;
import org.govchat.conversation.StreamSnapshot;
import org.govchat.platform.web.ProblemTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Writes a turn to one SSE connection. Each connection has its own writer thread and its own offset into
 * the answer: it sends whatever is new since its last write, so a slow client gets bigger deltas instead
 * of an ever-growing buffer, and never slows the model or other clients. Every event's {@code id} is the
 * number of answer characters delivered so far: a client that reconnects with {@code Last-Event-ID} gets
 * exactly the rest.
 */
@Component
class TurnStream {

    private static final Logger log = LoggerFactory.getLogger(TurnStream.class);

    private final ChatProperties properties;
    private final Conversations conversations;
    private final MessageSource messages;

    TurnStream(ChatProperties properties, Conversations conversations, MessageSource messages) {
        this.properties = properties;
        this.conversations = conversations;
        this.messages = messages;
    }

    SseEmitter newEmitter() {
        return new SseEmitter(properties.streamTimeout().toMillis());
    }

    /** Streams a turn generated on this replica, from character {@code offset} on. */
    void follow(LiveTurn turn, SseEmitter emitter, int offset, boolean announceStart) {
        Thread.ofVirtual().name("sse-" + turn.messageId()).start(() -> {
            try {
                if (announceStart) {
                    var started = turn.started();
                    send(
                            emitter,
                            offset,
                            "start",
                            new StreamEvents.Start(
                                    started.userMessageId(),
                                    started.assistantMessageId(),
                                    turn.language().tag()));
                }
                var cursor = offset;
                var lastQueuePosition = 0;
                var seen = -1L;
                while (true) {
                    var state = turn.awaitChange(seen, properties.keepAliveInterval());
                    if (state.version() == seen) {
                        emitter.send(SseEmitter.event().comment("keep-alive"));
                        continue;
                    }
                    seen = state.version();
                    if (state.queuePosition() > 0 && state.queuePosition() != lastQueuePosition) {
                        send(emitter, cursor, "queued", new StreamEvents.Queued(state.queuePosition()));
                    }
                    lastQueuePosition = state.queuePosition();
                    cursor = sendRest(emitter, state.content(), cursor);
                    if (state.isFinal()) {
                        sendEnd(
                                emitter,
                                turn.messageId(),
                                state.status(),
                                state.errorType(),
                                new StreamEvents.Usage(state.tokensIn(), state.tokensOut()),
                                cursor,
                                turn.language().uiLocale());
                        emitter.complete();
                        return;
                    }
                }
            } catch (IOException | IllegalStateException gone) {
                // the client went away; the generation carries on and can be resumed
                log.debug("Client left turn {}: {}", turn.messageId(), gone.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                emitter.complete();
            }
        });
    }

    /**
     * Streams an answer this replica is not generating: finished already, or running on another replica
     * (then PostgreSQL is re-read until it ends).
     */
    void followStored(UUID messageId, SseEmitter emitter, int offset, Locale locale) {
        Thread.ofVirtual().name("sse-stored-" + messageId).start(() -> {
            try {
                var cursor = offset;
                var quietSince = System.nanoTime();
                while (true) {
                    StreamSnapshot snapshot = conversations.snapshot(messageId);
                    var before = cursor;
                    cursor = sendRest(emitter, snapshot.content(), cursor);
                    if (snapshot.status().isFinal()) {
                        sendEnd(emitter, messageId, snapshot.status(), snapshot.errorType(), null, cursor, locale);
                        emitter.complete();
                        return;
                    }
                    if (cursor != before) {
                        quietSince = System.nanoTime();
                    } else if (Duration.ofNanos(System.nanoTime() - quietSince)
                                    .compareTo(properties.keepAliveInterval())
                            > 0) {
                        emitter.send(SseEmitter.event().comment("keep-alive"));
                        quietSince = System.nanoTime();
                    }
                    Thread.sleep(properties.remotePollInterval());
                }
            } catch (IOException | IllegalStateException gone) {
                log.debug("Client left stored answer {}: {}", messageId, gone.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                emitter.complete();
            } catch (RuntimeException e) {
                log.warn("Could not follow answer {}: {}", messageId, e.getMessage());
                emitter.completeWithError(e);
            }
        });
    }

    private int sendRest(SseEmitter emitter, String content, int cursor) throws IOException {
        if (content.length() > cursor) {
            send(emitter, content.length(), "delta", new StreamEvents.Delta(content.substring(Math.max(0, cursor))));
            return content.length();
        }
        return cursor;
    }

    private void sendEnd(
            SseEmitter emitter,
            UUID messageId,
            MessageStatus status,
            String errorType,
            StreamEvents.Usage usage,
            int cursor,
            Locale locale)
            throws IOException {
        if (status == MessageStatus.COMPLETE || status == MessageStatus.CANCELLED) {
            send(emitter, cursor, "done", new StreamEvents.Done(messageId, status.name(), usage));
        } else {
            send(
                    emitter,
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

    private static void send(SseEmitter emitter, int id, String name, Object data) throws IOException {
        emitter.send(SseEmitter.event().id(Integer.toString(id)).name(name).data(data, MediaType.APPLICATION_JSON));
    }
}
