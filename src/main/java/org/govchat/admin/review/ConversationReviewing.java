package org.govchat.admin.review;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.govchat.admin.DepartmentAdministration;
import org.govchat.admin.dashboard.DashboardProperties;
import org.govchat.conversation.ConversationReview;
import org.govchat.conversation.ConversationStatus;
import org.govchat.conversation.ReviewFilter;
import org.govchat.conversation.ReviewedConversation;
import org.govchat.identity.DepartmentAccess;
import org.govchat.identity.DepartmentScope;
import org.govchat.identity.Officers;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Conversation review for department admins: only their departments' citizen conversations (in the
 * queries, not only in the URL); opening a transcript, flagging and exporting are audited.
 */
@Service
class ConversationReviewing {

    static final Set<String> LANGUAGES = Set.of("en", "yue-Hant", "zh-Hant", "zh-Hans");
    static final int MAX_TEXT = 200;
    static final int MAX_NOTE = 2000;

    /** The list's query parameters, as the console sends them. */
    record Filters(
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            String language,
            String rating,
            String status,
            Boolean escalated,
            Boolean flagged,
            String q) {}

    private final DepartmentAdministration departments;
    private final ConversationReview review;
    private final DepartmentAccess access;
    private final Officers officers;
    private final ApplicationEventPublisher events;
    private final DashboardProperties time;

    ConversationReviewing(
            DepartmentAdministration departments,
            ConversationReview review,
            DepartmentAccess access,
            Officers officers,
            ApplicationEventPublisher events,
            DashboardProperties time) {
        this.departments = departments;
        this.review = review;
        this.access = access;
        this.officers = officers;
        this.events = events;
        this.time = time;
    }

    ConversationReview.Page list(String departmentId, Filters filters, String cursor, int limit) {
        departments.require(departmentId);
        try {
            return review.list(departmentId, access.administered(), filter(filters), cursor, limit);
        } catch (IllegalArgumentException badCursor) {
            throw new InvalidReviewFilter("cursor");
        }
    }

    /** What an export will write: taken while the request (and its signed-in admin) is at hand. */
    record Export(String departmentId, DepartmentScope scope, ReviewFilter filter) {}

    /** Audited before the first row is written (the trail is append-only; the count is not known yet). */
    @Transactional
    Export startExport(String departmentId, Filters filters) {
        departments.require(departmentId);
        var filter = filter(filters);
        var audited = new LinkedHashMap<String, Object>();
        audited.put("from", String.valueOf(filters.from()));
        audited.put("to", String.valueOf(filters.to()));
        audited.put("language", String.valueOf(filters.language()));
        audited.put("rating", String.valueOf(filters.rating()));
        audited.put("status", String.valueOf(filters.status()));
        audited.put("escalated", String.valueOf(filters.escalated()));
        audited.put("flagged", String.valueOf(filters.flagged()));
        audited.put("textSearch", filters.q() != null && !filters.q().isBlank());
        events.publishEvent(new ReviewEvents.Exported(officers.actor(), departmentId, audited));
        return new Export(departmentId, access.administered(), filter);
    }

    /** Writes the list as CSV (UTF-8 with a byte order mark, so spreadsheets read Chinese correctly). */
    void export(Export export, OutputStream out) throws IOException {
        var zone = time.timeZone();
        var format = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        Csv.row(
                writer,
                List.of(
                        "id",
                        "started",
                        "last_activity",
                        "language",
                        "status",
                        "escalated_at",
                        "messages",
                        "rated_up",
                        "rated_down",
                        "flagged_at",
                        "flag_note",
                        "title"));
        try {
            review.export(export.departmentId(), export.scope(), export.filter(), row -> {
                try {
                    Csv.row(
                            writer,
                            List.of(
                                    row.id().toString(),
                                    row.createdAt().atZone(zone).format(format),
                                    row.lastActivityAt().atZone(zone).format(format),
                                    nullToEmpty(row.language()),
                                    row.status().name(),
                                    row.escalatedAt() == null
                                            ? ""
                                            : row.escalatedAt().atZone(zone).format(format),
                                    String.valueOf(row.messages()),
                                    String.valueOf(row.ratedUp()),
                                    String.valueOf(row.ratedDown()),
                                    row.flag() == null
                                            ? ""
                                            : row.flag()
                                                    .flaggedAt()
                                                    .atZone(zone)
                                                    .format(format),
                                    row.flag() == null ? "" : row.flag().note(),
                                    nullToEmpty(row.title())));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        writer.flush();
    }

    /** Not read-only: the audit row is written in this transaction. */
    @Transactional
    ConversationReview.Transcript open(String departmentId, UUID conversationId, Integer before, int limit) {
        departments.require(departmentId);
        var transcript = review.transcript(departmentId, access.administered(), conversationId, before, limit);
        events.publishEvent(new ReviewEvents.TranscriptOpened(officers.actor(), departmentId, conversationId));
        return transcript;
    }

    @Transactional
    ReviewedConversation flag(String departmentId, UUID conversationId, String note) {
        departments.require(departmentId);
        var text = note == null ? "" : note.strip();
        if (text.codePointCount(0, text.length()) > MAX_NOTE) {
            throw new InvalidReviewFilter("note");
        }
        var flagged = review.flag(
                departmentId,
                access.administered(),
                conversationId,
                text,
                officers.require().username());
        events.publishEvent(new ReviewEvents.Flagged(officers.actor(), departmentId, conversationId, true));
        return flagged;
    }

    @Transactional
    void unflag(String departmentId, UUID conversationId) {
        departments.require(departmentId);
        if (review.unflag(departmentId, access.administered(), conversationId)) {
            events.publishEvent(new ReviewEvents.Flagged(officers.actor(), departmentId, conversationId, false));
        }
    }

    private ReviewFilter filter(Filters filters) {
        var zone = time.timeZone();
        if (filters.from() != null && filters.to() != null && filters.from().isAfter(filters.to())) {
            throw new InvalidReviewFilter("from");
        }
        if (filters.language() != null && !LANGUAGES.contains(filters.language())) {
            throw new InvalidReviewFilter("language");
        }
        var rating = filters.rating() == null ? null : filters.rating().toUpperCase(java.util.Locale.ROOT);
        if (rating != null && !Set.of("UP", "DOWN", "NONE").contains(rating)) {
            throw new InvalidReviewFilter("rating");
        }
        ConversationStatus status = null;
        if (filters.status() != null) {
            try {
                status = ConversationStatus.valueOf(filters.status().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                throw new InvalidReviewFilter("status");
            }
        }
        var text = filters.q() == null || filters.q().isBlank()
                ? null
                : filters.q().strip();
        if (text != null && text.length() > MAX_TEXT) {
            throw new InvalidReviewFilter("q");
        }
        return new ReviewFilter(
                filters.from() == null
                        ? null
                        : filters.from().atStartOfDay(zone).toInstant(),
                filters.to() == null
                        ? null
                        : filters.to().plusDays(1).atStartOfDay(zone).toInstant(),
                filters.language(),
                rating,
                status,
                filters.escalated(),
                filters.flagged(),
                text);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
