package org.govchat.chat;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.UUID;
import org.govchat.conversation.MessageView;
import org.govchat.identity.CitizenRef;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A citizen asking a question, following its answer (live or resumed), and stopping it. */
@RestController
@RequestMapping("/api/v1/conversations/{conversationId}/messages")
class ChatController {

    private final ChatTurns turns;

    ChatController(ChatTurns turns) {
        this.turns = turns;
    }

    record Question(String content) {}

    /** {@code Accept: text/event-stream}: the answer as it is written. */
    @PostMapping(produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    void askStreaming(
            @PathVariable UUID conversationId,
            @RequestBody Question question,
            CitizenRef citizen,
            Locale locale,
            HttpServletResponse response)
            throws IOException {
        turns.askStreaming(conversationId, citizen.ownerRef(), question.content(), locale, response);
    }

    /** {@code Accept: application/json}: waits for the finished answer. */
    @PostMapping
    ResponseEntity<MessageView> ask(
            @PathVariable UUID conversationId, @RequestBody Question question, CitizenRef citizen, Locale locale)
            throws InterruptedException {
        return turns.ask(conversationId, citizen.ownerRef(), question.content(), locale);
    }

    /** Resumes an answer from the character after {@code Last-Event-ID}, live if it is still being written. */
    @GetMapping(path = "/{messageId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    void events(
            @PathVariable UUID conversationId,
            @PathVariable UUID messageId,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            CitizenRef citizen,
            Locale locale,
            HttpServletResponse response)
            throws IOException {
        turns.follow(conversationId, messageId, citizen.ownerRef(), lastEventId, locale, response);
    }

    /** Stops the answer wherever it is being generated; the text so far is kept ({@code CANCELLED}). */
    @PostMapping("/{messageId}/cancel")
    ResponseEntity<Void> cancel(@PathVariable UUID conversationId, @PathVariable UUID messageId, CitizenRef citizen) {
        return turns.cancel(conversationId, messageId, citizen.ownerRef());
    }
}
