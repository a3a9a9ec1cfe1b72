package org.govchat.staff.handoff;

import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.govchat.conversation.AnswerReviews;
import org.govchat.conversation.TranscriptMessage;
import org.govchat.identity.Officer;
import org.govchat.platform.web.ServerSentEvents;
import org.govchat.staff.CitizenConversations;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The officer's side of handoffs: the live inbox of their departments, following a conversation, claiming
 * it, writing to the citizen, handing it back or closing it, and releasing answers held for approval.
 * Conversations of other departments answer 404.
 */
@RestController
@RequestMapping("/api/v1/staff")
class OfficerHandoffController {

    private final Handoffs handoffs;
    private final HandoffStreams streams;
    private final Inbox inbox;
    private final AnswerApprovals approvals;
    private final TextCheck texts;
    private final CitizenConversations citizenConversations;

    OfficerHandoffController(
            Handoffs handoffs,
            HandoffStreams streams,
            Inbox inbox,
            AnswerApprovals approvals,
            TextCheck texts,
            CitizenConversations citizenConversations) {
        this.handoffs = handoffs;
        this.streams = streams;
        this.inbox = inbox;
        this.approvals = approvals;
        this.texts = texts;
        this.citizenConversations = citizenConversations;
    }

    record Reply(String content) {}

    /** @param content the officer's text instead of the assistant's; none to send the answer as written */
    record Approval(String content) {}

    @GetMapping("/inbox")
    Inbox.Snapshot inbox(Officer officer) {
        return inbox.snapshot(officer);
    }

    /** Event {@code inbox}: the whole inbox, at once and whenever it changes. */
    @GetMapping(path = "/inbox/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<StreamingResponseBody> inboxEvents(Officer officer, HttpServletResponse response) {
        return ServerSentEvents.response(streams.inbox(officer, response));
    }

    /**
     * Events {@code state} and {@code message} of a citizen's conversation, from the message after
     * {@code Last-Event-ID} on. Opening it is audited like opening the transcript.
     */
    @GetMapping(path = "/conversations/{conversationId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<StreamingResponseBody> conversationEvents(
            @PathVariable UUID conversationId,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            Officer officer,
            HttpServletResponse response) {
        var from = ServerSentEvents.lastEventId(lastEventId);
        citizenConversations.openLive(conversationId, from);
        return ServerSentEvents.response(streams.officer(conversationId, officer, from, response));
    }

    @PostMapping("/conversations/{conversationId}/claim")
    OfficerHandoffView claim(@PathVariable UUID conversationId, Officer officer) {
        return handoffs.claim(conversationId, officer);
    }

    @PostMapping("/conversations/{conversationId}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    TranscriptMessage reply(@PathVariable UUID conversationId, @RequestBody Reply reply, Officer officer) {
        return handoffs.reply(conversationId, officer, texts.check(reply.content()));
    }

    @PostMapping("/conversations/{conversationId}/hand-back")
    OfficerHandoffView handBack(@PathVariable UUID conversationId, Officer officer) {
        return handoffs.handBack(conversationId, officer);
    }

    @PostMapping("/conversations/{conversationId}/close")
    OfficerHandoffView close(@PathVariable UUID conversationId, Officer officer) {
        return handoffs.close(conversationId, officer);
    }

    @PostMapping("/answers/{messageId}/approve")
    AnswerReviews.ReviewedAnswer approve(
            @PathVariable UUID messageId, @RequestBody(required = false) Approval approval, Officer officer) {
        return approvals.approve(messageId, officer, approval == null ? null : approval.content());
    }
}
