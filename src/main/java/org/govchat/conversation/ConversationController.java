package org.govchat.conversation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.govchat.department.DepartmentCatalog;
import org.govchat.department.DepartmentUnavailable;
import org.govchat.identity.CitizenRef;
import org.govchat.platform.database.BusyPool;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** A citizen's own conversations: start, list, read page by page, erase, rate answers. */
@RestController
@RequestMapping("/api/v1")
@Validated
class ConversationController {

    private final Conversations conversations;
    private final DepartmentCatalog departments;
    private final BusyPool busyPool;

    ConversationController(Conversations conversations, DepartmentCatalog departments, BusyPool busyPool) {
        this.conversations = conversations;
        this.departments = departments;
        this.busyPool = busyPool;
    }

    record StartConversation(@NotBlank @Size(max = 64) String departmentId) {}

    record ConversationCreated(UUID id, String departmentId, Instant createdAt) {}

    record Feedback(
            @NotBlank @Pattern(regexp = "up|down", message = "{feedback.rating}")
            String rating,

            @Size(max = 2000) String comment) {}

    @PostMapping("/conversations")
    ResponseEntity<ConversationCreated> start(@Valid @RequestBody StartConversation request, CitizenRef citizen) {
        var department = departments.get(request.departmentId());
        if (!department.available()) {
            throw new DepartmentUnavailable(department.id());
        }
        var conversation =
                busyPool.patiently(() -> conversations.start(department.id(), Channel.CITIZEN, citizen.ownerRef()));
        var location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}")
                .buildAndExpand(conversation.id())
                .toUri();
        return ResponseEntity.created(location)
                .body(new ConversationCreated(
                        conversation.id(), conversation.departmentId(), conversation.createdAt()));
    }

    @GetMapping("/conversations")
    List<ConversationView> list(CitizenRef citizen) {
        return conversations.owned(citizen.ownerRef(), Channel.CITIZEN, 200);
    }

    @GetMapping("/conversations/{id}")
    ConversationView get(@PathVariable UUID id, CitizenRef citizen) {
        return conversations.owned(id, citizen.ownerRef());
    }

    @GetMapping("/conversations/{id}/messages")
    MessagePage messages(
            @PathVariable UUID id,
            @RequestParam(required = false) @Min(1) Integer before,
            @RequestParam(defaultValue = "50") @Min(1) @Max(Conversations.MAX_PAGE) int limit,
            CitizenRef citizen) {
        return conversations.page(id, citizen.ownerRef(), before, limit);
    }

    @DeleteMapping("/conversations/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id, CitizenRef citizen) {
        conversations.delete(id, citizen.ownerRef());
    }

    @PostMapping("/messages/{messageId}/feedback")
    FeedbackView rate(@PathVariable UUID messageId, @Valid @RequestBody Feedback feedback, CitizenRef citizen) {
        var comment = feedback.comment() == null || feedback.comment().isBlank()
                ? null
                : feedback.comment().strip();
        return conversations.rate(messageId, citizen.ownerRef(), feedback.rating(), comment);
    }
}
