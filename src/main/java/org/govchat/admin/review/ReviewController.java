package org.govchat.admin.review;

import java.util.UUID;
import org.govchat.conversation.ConversationReview;
import org.govchat.conversation.ReviewedConversation;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Conversation review: the filtered list (JSON or CSV), a transcript, follow-up flags. */
@RestController
@RequestMapping("/api/v1/admin/departments/{departmentId}/conversations")
class ReviewController {

    private final ConversationReviewing reviewing;

    ReviewController(ConversationReviewing reviewing) {
        this.reviewing = reviewing;
    }

    record Flag(String note) {}

    /** Query parameters: from, to (local dates), language, rating (up, down, none), status, escalated, flagged, q. */
    @GetMapping
    ConversationReview.Page list(
            @PathVariable String departmentId,
            ConversationReviewing.Filters filters,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "25") int limit) {
        return reviewing.list(departmentId, filters, cursor, limit);
    }

    /** The whole filtered list as CSV (audited). */
    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> export(
            @PathVariable String departmentId, ConversationReviewing.Filters filters) {
        var export = reviewing.startExport(departmentId, filters);
        StreamingResponseBody body = out -> reviewing.export(export, out);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("conversations-" + departmentId + ".csv")
                                .build()
                                .toString())
                .body(body);
    }

    /** A transcript (audited: who opened which conversation). */
    @GetMapping("/{conversationId}")
    ConversationReview.Transcript transcript(
            @PathVariable String departmentId,
            @PathVariable UUID conversationId,
            @RequestParam(required = false) Integer before,
            @RequestParam(defaultValue = "100") int limit) {
        return reviewing.open(departmentId, conversationId, before, limit);
    }

    @PutMapping("/{conversationId}/flag")
    ReviewedConversation flag(
            @PathVariable String departmentId, @PathVariable UUID conversationId, @RequestBody Flag flag) {
        return reviewing.flag(departmentId, conversationId, flag.note());
    }

    @DeleteMapping("/{conversationId}/flag")
    ResponseEntity<Void> unflag(@PathVariable String departmentId, @PathVariable UUID conversationId) {
        reviewing.unflag(departmentId, conversationId);
        return ResponseEntity.noContent().build();
    }
}
