package org.govchat.chat;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.govchat.conversation.Conversations;
import org.govchat.conversation.MessageView;
import org.govchat.identity.CitizenRef;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Asking a question, following its answer (live or resumed), and stopping it. */
@RestController
@RequestMapping("/api/v1/conversations/{conversationId}/messages")
class ChatController {

    private final TurnPipeline pipeline;
    private final TurnStream stream;
    private final LiveTurns liveTurns;
    private final Conversations conversations;
    private final ChatProperties properties;

    ChatController(
            TurnPipeline pipeline,
            TurnStream stream,
            LiveTurns liveTurns,
            Conversations conversations,
            ChatProperties properties) {
        this.pipeline = pipeline;
        this.stream = stream;
        this.liveTurns = liveTurns;
        this.conversations = conversations;
        this.properties = properties;
    }

    record Question(String content) {}

    /** {@code Accept: text/event-stream}: the answer as it is written. */
    @PostMapping(produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<StreamingResponseBody> askStreaming(
            @PathVariable UUID conversationId,
            @RequestBody Question question,
            CitizenRef citizen,
            Locale locale,
            HttpServletResponse response) {
        var turn = pipeline.start(conversationId, citizen, question.content(), locale);
        return eventStream(stream.follow(turn, 0, true, response));
    }

    /** {@code Accept: application/json}: waits for the finished answer. */
    @PostMapping
    ResponseEntity<MessageView> ask(
            @PathVariable UUID conversationId, @RequestBody Question question, CitizenRef citizen, Locale locale)
            throws InterruptedException {
        var turn = pipeline.start(conversationId, citizen, question.content(), locale);
        try {
            turn.completion().get(properties.answerWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException stillRunning) {
            // answer below is whatever is stored now (STREAMING if the wait ran out)
        }
        var answer = conversations.message(conversationId, turn.messageId(), citizen.ownerRef());
        return ResponseEntity.status(answer.status().isFinal() ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .body(answer);
    }

    /** Resumes an answer from the character after {@code Last-Event-ID}, live if it is still being written. */
    @GetMapping(path = "/{messageId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<StreamingResponseBody> events(
            @PathVariable UUID conversationId,
            @PathVariable UUID messageId,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            CitizenRef citizen,
            Locale locale,
            HttpServletResponse response) {
        conversations.message(conversationId, messageId, citizen.ownerRef()); // 404 unless the caller's
        var offset = offset(lastEventId);
        var live = liveTurns.find(messageId);
        return eventStream(
                live.isPresent()
                        ? stream.follow(live.get(), offset, false, response)
                        : stream.followStored(messageId, offset, locale, response));
    }

    /** Stops the answer wherever it is being generated; the text so far is kept ({@code CANCELLED}). */
    @PostMapping("/{messageId}/cancel")
    ResponseEntity<Void> cancel(@PathVariable UUID conversationId, @PathVariable UUID messageId, CitizenRef citizen) {
        var message = conversations.message(conversationId, messageId, citizen.ownerRef());
        if (!message.status().isFinal()) {
            liveTurns.cancel(messageId);
        }
        return ResponseEntity.accepted().build();
    }

    /** SSE headers; proxies must not buffer the stream (nginx honours X-Accel-Buffering). */
    private static ResponseEntity<StreamingResponseBody> eventStream(StreamingResponseBody body) {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_EVENT_STREAM, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(org.springframework.http.CacheControl.noStore())
                .header("X-Accel-Buffering", "no")
                .body(body);
    }

    private static int offset(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(lastEventId.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
