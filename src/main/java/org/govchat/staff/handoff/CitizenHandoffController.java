package org.govchat.staff.handoff;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.UUID;
import org.govchat.conversation.Conversations;
import org.govchat.identity.CitizenRef;
import org.govchat.platform.web.ServerSentEvents;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The citizen's side of a handoff: asking for an officer, going back to the assistant, leaving a contact or
 * taking a case reference, and the live stream of the officer's messages. Like every citizen endpoint, a
 * conversation that is not the caller's answers 404.
 */
@RestController
@RequestMapping("/api/v1/conversations/{conversationId}")
class CitizenHandoffController {

    private final Handoffs handoffs;
    private final HandoffStreams streams;
    private final Conversations conversations;

    CitizenHandoffController(Handoffs handoffs, HandoffStreams streams, Conversations conversations) {
        this.handoffs = handoffs;
        this.streams = streams;
        this.conversations = conversations;
    }

    /** @param reason why: the citizen asked ({@code CITIZEN_REQUEST}, the default) or accepted an offer */
    record HandoffRequest(HandoffReason reason) {}

    /** @param contact a phone number or e-mail address; none for a case reference only */
    record FollowUpRequest(String contact) {}

    @GetMapping("/handoff")
    CitizenHandoffView state(@PathVariable UUID conversationId, CitizenRef citizen) {
        return handoffs.citizenView(conversationId, citizen.ownerRef());
    }

    /** Asks for an officer: the conversation goes to the department's inbox and waits there. */
    @PostMapping("/handoff")
    CitizenHandoffView request(
            @PathVariable UUID conversationId,
            @RequestBody(required = false) HandoffRequest request,
            CitizenRef citizen,
            Locale locale) {
        var reason = request == null || request.reason() == null ? HandoffReason.CITIZEN_REQUEST : request.reason();
        return handoffs.request(conversationId, citizen.ownerRef(), reason, locale);
    }

    /** Back to the assistant, without waiting any longer (or leaving the officer). */
    @DeleteMapping("/handoff")
    CitizenHandoffView cancel(@PathVariable UUID conversationId, CitizenRef citizen) {
        return handoffs.cancel(conversationId, citizen.ownerRef());
    }

    /** Leaves a contact for a call back, or just takes a case reference. */
    @PostMapping("/handoff/follow-up")
    Handoffs.FollowUp followUp(
            @PathVariable UUID conversationId, @RequestBody FollowUpRequest request, CitizenRef citizen) {
        return handoffs.followUp(conversationId, citizen.ownerRef(), request.contact());
    }

    /**
     * Events {@code state} and {@code message} (officers' messages and notices) while the conversation is with
     * an officer, from the message after {@code Last-Event-ID} on.
     */
    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<StreamingResponseBody> events(
            @PathVariable UUID conversationId,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            CitizenRef citizen,
            HttpServletResponse response) {
        conversations.owned(conversationId, citizen.ownerRef()); // 404 before anything is streamed
        return ServerSentEvents.response(streams.citizen(
                conversationId, citizen.ownerRef(), ServerSentEvents.lastEventId(lastEventId), response));
    }
}
