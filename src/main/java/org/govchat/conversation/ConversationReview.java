package org.govchat.conversation;

import com.ibm.icu.text.Transliterator;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.govchat.identity.DepartmentScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Citizen conversations for department admins: a filtered list (newest first, page by page), a
 * transcript, and follow-up flags. Every query names the department and the caller's scope, so a
 * conversation of another department is never read: it is "not found".
 */
@Service
public class ConversationReview {

    public static final int MAX_PAGE = 100;
    public static final int MAX_TRANSCRIPT_PAGE = 200;
    /** An export stops after this many conversations. */
    public static final int MAX_EXPORT = 50_000;

    public record Page(List<ReviewedConversation> conversations, String nextCursor) {}

    public record Transcript(ReviewedConversation conversation, List<ReviewedMessage> messages, boolean hasMore) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;

    ConversationReview(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(500);
    }

    /**
     * A page of the department's citizen conversations matching the filter, newest first.
     *
     * @param cursor {@code nextCursor} of the previous page, or {@code null} for the first
     * @throws IllegalArgumentException for a cursor this service did not write
     */
    @Transactional(readOnly = true)
    public Page list(String departmentId, DepartmentScope scope, ReviewFilter filter, String cursor, int limit) {
        var size = Math.clamp(limit, 1, MAX_PAGE);
        var query = query(departmentId, scope, filter);
        if (cursor != null) {
            var after = Cursor.decode(cursor);
            query.sql.append(" and (c.created_at, c.id) < (?, ?)");
            query.params.add(Timestamp.from(after.createdAt()));
            query.params.add(after.id());
        }
        query.sql.append(" order by c.created_at desc, c.id desc limit ?");
        query.params.add(size + 1);
        var rows = new ArrayList<>(jdbc.sql(query.sql.toString())
                .params(query.params)
                .query(ConversationReview::conversation)
                .list());
        String next = null;
        if (rows.size() > size) {
            rows.removeLast();
            var last = rows.getLast();
            next = new Cursor(last.createdAt(), last.id()).encode();
        }
        return new Page(List.copyOf(rows), next);
    }

    /** Every matching conversation (up to {@link #MAX_EXPORT}), newest first, handed over one at a time. */
    @Transactional(readOnly = true)
    public void export(
            String departmentId, DepartmentScope scope, ReviewFilter filter, Consumer<ReviewedConversation> sink) {
        var query = query(departmentId, scope, filter);
        query.sql.append(" order by c.created_at desc, c.id desc limit ?");
        query.params.add(MAX_EXPORT);
        streaming.query(
                query.sql.toString(),
                rs -> {
                    sink.accept(conversation(rs, 0));
                },
                query.params.toArray());
    }

    /**
     * The conversation and a page of its messages, oldest to newest, ending just before {@code beforeSeq}.
     *
     * @throws ConversationNotFound when it is not a citizen conversation of this department in the scope
     */
    @Transactional(readOnly = true)
    public Transcript transcript(
            String departmentId, DepartmentScope scope, UUID conversationId, Integer beforeSeq, int limit) {
        var conversation = find(departmentId, scope, conversationId);
        var size = Math.clamp(limit, 1, MAX_TRANSCRIPT_PAGE);
        var page = OlderMessages.of(
                jdbc.sql("""
                select m.id, m.seq, m.role, m.content, m.status, m.language, m.backend, m.model, m.tokens_in,
                       m.tokens_out, m.time_to_first_token_ms, m.duration_ms, m.error_type, m.created_at,
                       f.rating, f.comment
                from message m left join feedback f on f.message_id = m.id
                where m.conversation_id = ? and m.seq < ?
                order by m.seq desc limit ?
                """)
                        .params(conversationId, OlderMessages.before(beforeSeq), size + 1)
                        .query(ConversationReview::message)
                        .list(),
                size);
        return new Transcript(conversation, page.oldestFirst(), page.hasMore());
    }

    /**
     * Flags the conversation for follow-up (again: the note is replaced).
     *
     * @throws ConversationNotFound when it is not a citizen conversation of this department in the scope
     */
    @Transactional
    public ReviewedConversation flag(
            String departmentId, DepartmentScope scope, UUID conversationId, String note, String flaggedBy) {
        find(departmentId, scope, conversationId);
        jdbc.sql("""
                insert into conversation_flag (conversation_id, note, flagged_by) values (?, ?, ?)
                on conflict (conversation_id) do update
                set note = excluded.note, flagged_by = excluded.flagged_by, flagged_at = now()
                """).params(conversationId, note, flaggedBy).update();
        return find(departmentId, scope, conversationId);
    }

    /**
     * Removes the follow-up flag.
     *
     * @return whether there was one
     * @throws ConversationNotFound when it is not a citizen conversation of this department in the scope
     */
    @Transactional
    public boolean unflag(String departmentId, DepartmentScope scope, UUID conversationId) {
        find(departmentId, scope, conversationId);
        return jdbc.sql("delete from conversation_flag where conversation_id = ?")
                        .param(conversationId)
                        .update()
                > 0;
    }

    private ReviewedConversation find(String departmentId, DepartmentScope scope, UUID conversationId) {
        var query = query(departmentId, scope, new ReviewFilter(null, null, null, null, null, null, null, null));
        query.sql.append(" and c.id = ?");
        query.params.add(conversationId);
        return jdbc.sql(query.sql.toString())
                .params(query.params)
                .query(ConversationReview::conversation)
                .optional()
                .orElseThrow(() -> new ConversationNotFound(conversationId));
    }

    private record Query(StringBuilder sql, List<Object> params) {}

    private static Query query(String departmentId, DepartmentScope scope, ReviewFilter filter) {
        var sql = new StringBuilder("""
                select c.id, c.department_id, c.title, c.language, c.status, c.created_at, c.last_activity_at,
                       c.first_escalated_at,
                       (select count(*) from message m where m.conversation_id = c.id) as messages,
                       (select count(*) from feedback f join message m on m.id = f.message_id
                        where m.conversation_id = c.id and f.rating = 'UP') as rated_up,
                       (select count(*) from feedback f join message m on m.id = f.message_id
                        where m.conversation_id = c.id and f.rating = 'DOWN') as rated_down,
                       fl.note, fl.flagged_by, fl.flagged_at
                from conversation c left join conversation_flag fl on fl.conversation_id = c.id
                where c.department_id = ? and (?::boolean or c.department_id = any(?::text[]))
                  and c.channel = 'CITIZEN'
                """);
        var params = new ArrayList<Object>(List.of(departmentId, scope.everyDepartment(), scope.departmentIdArray()));
        if (filter.startedFrom() != null) {
            sql.append(" and c.created_at >= ?");
            params.add(Timestamp.from(filter.startedFrom()));
        }
        if (filter.startedBefore() != null) {
            sql.append(" and c.created_at < ?");
            params.add(Timestamp.from(filter.startedBefore()));
        }
        if (filter.language() != null) {
            sql.append(" and c.language = ?");
            params.add(filter.language());
        }
        if (filter.status() != null) {
            sql.append(" and c.status = ?");
            params.add(filter.status().name());
        }
        if (filter.escalated() != null) {
            sql.append(
                    filter.escalated() ? " and c.first_escalated_at is not null" : " and c.first_escalated_at is null");
        }
        if (filter.flagged() != null) {
            sql.append(filter.flagged() ? " and fl.conversation_id is not null" : " and fl.conversation_id is null");
        }
        if (filter.rating() != null) {
            switch (filter.rating().toUpperCase(Locale.ROOT)) {
                case "UP", "DOWN" -> {
                    sql.append(" and exists (select 1 from feedback f join message m on m.id = f.message_id"
                            + " where m.conversation_id = c.id and f.rating = ?)");
                    params.add(filter.rating().toUpperCase(Locale.ROOT));
                }
                case "NONE" ->
                    sql.append(" and not exists (select 1 from feedback f join message m on m.id = f.message_id"
                            + " where m.conversation_id = c.id)");
                default -> throw new IllegalArgumentException("rating must be UP, DOWN or NONE");
            }
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            // the status condition matches the trigram index's, so the planner may use it
            sql.append(" and exists (select 1 from message m where m.conversation_id = c.id"
                    + " and m.status <> 'STREAMING' and m.content ilike any(?))");
            params.add(patterns(filter.text()));
        }
        return new Query(sql, params);
    }

    /** The text as typed and in the other Chinese script, as {@code ILIKE} patterns matching anywhere. */
    static String[] patterns(String text) {
        var term = text.strip();
        var variants = new LinkedHashSet<String>();
        variants.add(term);
        variants.add(Transliterator.getInstance("Hant-Hans").transliterate(term));
        variants.add(Transliterator.getInstance("Hans-Hant").transliterate(term));
        return variants.stream()
                .map(v -> "%" + v.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .toArray(String[]::new);
    }

    private static ReviewedConversation conversation(ResultSet rs, int row) throws SQLException {
        var flaggedAt = rs.getTimestamp("flagged_at");
        return new ReviewedConversation(
                rs.getObject("id", UUID.class),
                rs.getString("department_id"),
                rs.getString("title"),
                rs.getString("language"),
                ConversationStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("last_activity_at").toInstant(),
                instant(rs.getTimestamp("first_escalated_at")),
                rs.getInt("messages"),
                rs.getInt("rated_up"),
                rs.getInt("rated_down"),
                flaggedAt == null
                        ? null
                        : new ReviewedConversation.Flag(
                                rs.getString("note"), rs.getString("flagged_by"), flaggedAt.toInstant()));
    }

    private static ReviewedMessage message(ResultSet rs, int row) throws SQLException {
        var rating = rs.getString("rating");
        return new ReviewedMessage(
                rs.getObject("id", UUID.class),
                rs.getInt("seq"),
                MessageRole.valueOf(rs.getString("role")),
                rs.getString("content"),
                MessageStatus.valueOf(rs.getString("status")),
                rs.getString("language"),
                rs.getString("backend"),
                rs.getString("model"),
                (Integer) rs.getObject("tokens_in"),
                (Integer) rs.getObject("tokens_out"),
                (Integer) rs.getObject("time_to_first_token_ms"),
                (Integer) rs.getObject("duration_ms"),
                rs.getString("error_type"),
                rs.getTimestamp("created_at").toInstant(),
                rating == null ? null : new FeedbackView(rating.toLowerCase(Locale.ROOT), rs.getString("comment")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private record Cursor(Instant createdAt, UUID id) {
        String encode() {
            var text = createdAt.getEpochSecond() + ":" + createdAt.getNano() + ":" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String cursor) {
            try {
                var parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", 3);
                return new Cursor(
                        Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                        UUID.fromString(parts[2]));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("not a review cursor", e);
            }
        }
    }
}
