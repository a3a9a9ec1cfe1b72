package org.govchat.chat;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.govchat.conversation.Conversations;
import org.govchat.conversation.MessageView;
import org.govchat.platform.web.ServerSentEvents;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

/**
 * The chat module's public face: a turn in a conversation of a given owner, streamed or awaited, followed
 * again after a lost connection, or stopped. Citizens reach it through {@link ChatController} with the
 * reference of their anonymous session; officers' internal assistant (the staff portal) with theirs. Both
 * go through the same pipeline, stream and guarantees.
 */
@Service
public class ChatTurns {

    private final TurnPipeline pipeline;
    private final TurnStream stream;
    private final LiveTurns liveTurns;
    private final Conversations conversations;
    private final ChatProperties properties;

    ChatTurns(
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

    /**
     * Asks a question; the answer as it is written (events {@code start}, {@code queued}, {@code held},
     * {@code delta}, {@code done} or {@code error}), or a single {@code relayed} event when an officer has
     * the conversation. Written on the calling (request) thread until the answer ends; every check that
     * refuses the question (as a problem response) comes before the first byte.
     */
    public void askStreaming(
            UUID conversationId, String ownerRef, String question, Locale locale, HttpServletResponse response)
            throws IOException {
        switch (pipeline.start(conversationId, ownerRef, question, locale)) {
            case LiveTurn turn -> stream.follow(turn, 0, true, response);
            case TurnOutcome.RelayedToOfficer relayed -> stream.relayed(relayed.started(), response);
        }
    }

    /**
     * Asks a question and waits for the finished answer (202 with the answer so far when the wait runs out);
     * when an officer has the conversation, 202 with the stored question.
     */
    public ResponseEntity<MessageView> ask(UUID conversationId, String ownerRef, String question, Locale locale)
            throws InterruptedException {
        var outcome = pipeline.start(conversationId, ownerRef, question, locale);
        if (outcome instanceof LiveTurn turn) {
            try {
                turn.completion().get(properties.answerWait().toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException stillRunning) {
                // answer below is whatever is stored now (STREAMING if the wait ran out)
            }
            var answer = conversations.message(conversationId, turn.messageId(), ownerRef);
            return ResponseEntity.status(answer.status().isFinal() ? HttpStatus.OK : HttpStatus.ACCEPTED)
                    .body(answer);
        }
        var relayed = conversations.message(conversationId, outcome.started().userMessageId(), ownerRef);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(relayed);
    }

    /** Resumes an answer from the character after {@code Last-Event-ID}, live if it is still being written. */
    public void follow(
            UUID conversationId,
            UUID messageId,
            String ownerRef,
            String lastEventId,
            Locale locale,
            HttpServletResponse response)
            throws IOException {
        conversations.message(conversationId, messageId, ownerRef); // 404 unless the owner's
        var offset = ServerSentEvents.lastEventId(lastEventId);
        var live = liveTurns.find(messageId);
        if (live.isPresent()) {
            stream.follow(live.get(), offset, false, response);
        } else {
            stream.followStored(messageId, offset, locale, response);
        }
    }

    /** Stops the answer wherever it is being generated; the text so far is kept ({@code CANCELLED}). */
    public ResponseEntity<Void> cancel(UUID conversationId, UUID messageId, String ownerRef) {
        var message = conversations.message(conversationId, messageId, ownerRef);
        if (!message.status().isFinal()) {
            liveTurns.cancel(messageId);
        }
        return ResponseEntity.accepted().build();
    }
}
