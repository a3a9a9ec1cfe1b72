package org.govchat.chat;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.govchat.conversation.Conversations;
import org.govchat.conversation.MessageStatus;
import org.govchat.platform.web.ProblemTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a turn to one SSE connection. Each connection has its own writer (a virtual thread) and its own
 * offset into the answer: it sends whatever is new since its last write, so a slow client gets bigger
 * deltas instead of an ever-growing buffer, and never slows the model or other clients. Every event's
 * {@code id} is the number of answer characters delivered so far: a client that reconnects with
 * {@code Last-Event-ID} gets exactly the rest.
 *
 * <p>Payloads are serialised by Jackson and written straight to the response, one write and one flush
 * an event: per-token work is what decides how many streams a replica carries. (The stream Spring hands
 * to a {@link StreamingResponseBody} ignores {@code flush()}, so the servlet response is flushed.)
 */
@Component
class TurnStream {

    private static final Logger log = LoggerFactory.getLogger(TurnStream.class);
    private static final byte[] END_OF_EVENT = "\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.US_ASCII);

    private final ChatProperties properties;
    private final Conversations conversations;
    private final MessageSource messages;
    private final JsonMapper json;

    TurnStream(ChatProperties properties, Conversations conversations, MessageSource messages, JsonMapper json) {
        this.properties = properties;
        this.conversations = conversations;
        this.messages = messages;
        this.json = json;
    }

    /** Streams a turn generated on this replica, from character {@code offset} on. */
    StreamingResponseBody follow(LiveTurn turn, int offset, boolean announceStart, HttpServletResponse response) {
        return body -> {
            var out = new Events(body, response);
            try {
                if (announceStart) {
                    var started = turn.started();
                    event(
                            out,
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
                    var state = turn.awaitChange(seen, cursor, properties.keepAliveInterval());
                    if (state.version() == seen) {
                        keepAlive(out);
                        continue;
                    }
                    seen = state.version();
                    if (state.queuePosition() > 0 && state.queuePosition() != lastQueuePosition) {
                        event(out, cursor, "queued", new StreamEvents.Queued(state.queuePosition()));
                    }
                    lastQueuePosition = state.queuePosition();
                    if (!state.textAfterOffset().isEmpty()) {
                        cursor = state.length();
                        event(out, cursor, "delta", new StreamEvents.Delta(state.textAfterOffset()));
                    }
                    if (state.isFinal()) {
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
        };
    }

    /**
     * Streams an answer this replica is not generating: finished already, or running on another replica
     * (then PostgreSQL is re-read until it ends).
     */
    StreamingResponseBody followStored(UUID messageId, int offset, Locale locale, HttpServletResponse response) {
        return body -> {
            var out = new Events(body, response);
            try {
                var cursor = offset;
                var quietSince = System.nanoTime();
                while (true) {
                    var snapshot = conversations.snapshot(messageId);
                    var content = snapshot.content();
                    if (content.length() > cursor) {
                        var rest = content.substring(Math.max(cursor, 0));
                        cursor = content.length();
                        event(out, cursor, "delta", new StreamEvents.Delta(rest));
                        quietSince = System.nanoTime();
                    }
                    if (snapshot.status().isFinal()) {
                        end(out, messageId, snapshot.status(), snapshot.errorType(), null, cursor, locale);
                        return;
                    }
                    if (Duration.ofNanos(System.nanoTime() - quietSince).compareTo(properties.keepAliveInterval())
                            > 0) {
                        keepAlive(out);
                        quietSince = System.nanoTime();
                    }
                    Thread.sleep(properties.remotePollInterval());
                }
            } catch (IOException gone) {
                log.debug("Client left stored answer {}: {}", messageId, gone.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    private void end(
            Events out,
            UUID messageId,
            MessageStatus status,
            String errorType,
            StreamEvents.Usage usage,
            int cursor,
            Locale locale)
            throws IOException {
        if (status == MessageStatus.COMPLETE || status == MessageStatus.CANCELLED) {
            event(out, cursor, "done", new StreamEvents.Done(messageId, status.name(), usage));
        } else {
            event(
                    out,
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

    /** One SSE event: {@code id}, {@code event} and a single {@code data} line of Jackson-written JSON. */
    private void event(Events out, int id, String name, Object payload) throws IOException {
        // Jackson escapes line breaks inside strings, so the JSON is always one line
        var head = ("id: " + id + "\nevent: " + name + "\ndata: ").getBytes(StandardCharsets.US_ASCII);
        out.body().write(head);
        out.body().write(json.writeValueAsBytes(payload));
        out.body().write(END_OF_EVENT);
        out.response().flushBuffer();
    }

    private static void keepAlive(Events out) throws IOException {
        out.body().write(KEEP_ALIVE);
        out.response().flushBuffer();
    }

    private record Events(OutputStream body, HttpServletResponse response) {}
}
