package org.govchat.staff.assistant;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.govchat.chat.ChatTurns;
import org.govchat.conversation.Channel;
import org.govchat.conversation.ConversationNotFound;
import org.govchat.conversation.ConversationView;
import org.govchat.conversation.Conversations;
import org.govchat.conversation.MessagePage;
import org.govchat.conversation.MessageView;
import org.govchat.department.DepartmentCatalog;
import org.govchat.department.DepartmentNotFound;
import org.govchat.department.DepartmentUnavailable;
import org.govchat.identity.DepartmentAccess;
import org.govchat.identity.Officer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The internal assistant: officers chat with the assistant of a department they serve, in conversations of
 * the {@code STAFF} channel owned by them (their own history, invisible to citizens and to other officers).
 * Questions go through the same turn pipeline as citizens' (streaming, resume, cancel, failover), with
 * guidance written for officers.
 */
@RestController
@RequestMapping("/api/v1/staff/assistant/conversations")
@Validated
class StaffAssistantController {

    private final Conversations conversations;
    private final ChatTurns turns;
    private final DepartmentCatalog departments;
    private final StaffOwnerRefs owners;

    StaffAssistantController(
            Conversations conversations, ChatTurns turns, DepartmentCatalog departments, StaffOwnerRefs owners) {
        this.conversations = conversations;
        this.turns = turns;
        this.departments = departments;
        this.owners = owners;
    }

    record StartConversation(@NotBlank @Size(max = 64) String departmentId) {}

    record ConversationCreated(UUID id, String departmentId, Instant createdAt) {}

    record Question(String content) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ConversationCreated start(@Valid @RequestBody StartConversation request, Officer officer) {
        if (!DepartmentAccess.servedBy(officer).includes(request.departmentId())) {
            throw new DepartmentNotFound(request.departmentId());
        }
        var department = departments.get(request.departmentId());
        if (!department.available()) {
            throw new DepartmentUnavailable(department.id());
        }
        var conversation = conversations.start(department.id(), Channel.STAFF, owners.of(officer));
        return new ConversationCreated(conversation.id(), conversation.departmentId(), conversation.createdAt());
    }

    /** The officer's own conversations with the assistants of the departments they (still) serve. */
    @GetMapping
    List<ConversationView> list(Officer officer) {
        var scope = DepartmentAccess.servedBy(officer);
        return conversations.owned(owners.of(officer), Channel.STAFF, 200).stream()
                .filter(conversation -> scope.includes(conversation.departmentId()))
                .toList();
    }

    @GetMapping("/{id}")
    ConversationView get(@PathVariable UUID id, Officer officer) {
        return own(id, officer);
    }

    @GetMapping("/{id}/messages")
    MessagePage messages(
            @PathVariable UUID id,
            @RequestParam(required = false) @Min(1) Integer before,
            @RequestParam(defaultValue = "50") @Min(1) @Max(Conversations.MAX_PAGE) int limit,
            Officer officer) {
        own(id, officer);
        return conversations.page(id, owners.of(officer), before, limit);
    }

    @PostMapping(path = "/{id}/messages", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    void askStreaming(
            @PathVariable UUID id,
            @RequestBody Question question,
            Officer officer,
            Locale locale,
            HttpServletResponse response)
            throws IOException {
        own(id, officer);
        turns.askStreaming(id, owners.of(officer), question.content(), locale, response);
    }

    @PostMapping("/{id}/messages")
    ResponseEntity<MessageView> ask(
            @PathVariable UUID id, @RequestBody Question question, Officer officer, Locale locale)
            throws InterruptedException {
        own(id, officer);
        return turns.ask(id, owners.of(officer), question.content(), locale);
    }

    @GetMapping(path = "/{id}/messages/{messageId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    void events(
            @PathVariable UUID id,
            @PathVariable UUID messageId,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            Officer officer,
            Locale locale,
            HttpServletResponse response)
            throws IOException {
        own(id, officer);
        turns.follow(id, messageId, owners.of(officer), lastEventId, locale, response);
    }

    @PostMapping("/{id}/messages/{messageId}/cancel")
    ResponseEntity<Void> cancel(@PathVariable UUID id, @PathVariable UUID messageId, Officer officer) {
        own(id, officer);
        return turns.cancel(id, messageId, owners.of(officer));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id, Officer officer) {
        own(id, officer);
        conversations.delete(id, owners.of(officer));
    }

    /** The officer's conversation with the assistant of a department they still serve; else 404. */
    private ConversationView own(UUID id, Officer officer) {
        var conversation = conversations.owned(id, owners.of(officer));
        if (!DepartmentAccess.servedBy(officer).includes(conversation.departmentId())) {
            throw new ConversationNotFound(id);
        }
        return conversation;
    }
}
