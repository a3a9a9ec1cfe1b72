package org.govchat.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.govchat.identity.DepartmentScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a live takeover needs of a conversation: locking it for a change, adding officers' and system
 * messages in order, switching its status, and reading what came after a given message. Changes happen in
 * the caller's transaction, which must lock the conversation first ({@link #lockOwned} or
 * {@link #lockInDepartments}): the same row lock serialises citizens' turns, so sequence numbers never
 * collide and a status never changes under a turn being started.
 */
@Service
public class LiveConversations {

    private static final String TRANSCRIPT_COLUMNS = """
            m.id, m.seq, m.role, m.content, m.status, m.language, m.created_at, m.author_name, m.review_state,
            f.rating, f.comment
            """;

    private final JdbcClient jdbc;

    LiveConversations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws ConversationNotFound unless it exists and is the owner's */
    @Transactional
    public ConversationView lockOwned(UUID conversationId, String ownerRef) {
        return jdbc.sql("select * from conversation where id = ? and owner_ref = ? for update")
                .params(conversationId, ownerRef)
                .query(Conversations::conversation)
                .optional()
                .orElseThrow(() -> new ConversationNotFound(conversationId));
    }

    /** @throws ConversationNotFound unless it exists and belongs to a department in {@code scope} */
    @Transactional
    public ConversationView lockInDepartments(UUID conversationId, DepartmentScope scope) {
        return jdbc.sql("""
                select * from conversation where id = ? and (?::boolean or department_id = any(?::text[]))
                for update
                """)
                .params(conversationId, scope.everyDepartment(), scope.departmentIdArray())
                .query(Conversations::conversation)
                .optional()
                .orElseThrow(() -> new ConversationNotFound(conversationId));
    }

    /** Whether an answer is being written, or waits for an officer's approval. */
    @Transactional(readOnly = true)
    public boolean answerInProgress(UUID conversationId) {
        return jdbc.sql("""
                select exists (select 1 from message where conversation_id = ?
                               and (status = 'STREAMING' or review_state = 'PENDING'))
                """).param(conversationId).query(Boolean.class).single();
    }

    /**
     * Adds a finished message after the last one: an officer's ({@code STAFF}, with their name) or a notice
     * ({@code SYSTEM}). The caller holds the conversation's lock.
     */
    @Transactional
    public TranscriptMessage append(
            UUID conversationId, MessageRole role, String content, String language, String authorName) {
        if (role != MessageRole.STAFF && role != MessageRole.SYSTEM) {
            throw new IllegalArgumentException("Only officers' messages and notices are appended: " + role);
        }
        var seq = jdbc.sql("select coalesce(max(seq), 0) + 1 from message where conversation_id = ?")
                .param(conversationId)
                .query(Integer.class)
                .single();
        var id = UUID.randomUUID();
        var now = Conversations.ts(Instant.now());
        jdbc.sql("""
                insert into message (id, conversation_id, seq, role, content, language, status, author_name,
                                     created_at, completed_at)
                values (?, ?, ?, ?, ?, ?, 'COMPLETE', ?, ?, ?)
                """)
                .params(id, conversationId, seq, role.name(), content, language, authorName, now, now)
                .update();
        jdbc.sql("update conversation set last_activity_at = ? where id = ?")
                .params(now, conversationId)
                .update();
        return new TranscriptMessage(
                id, seq, role, content, MessageStatus.COMPLETE, language, now.toInstant(), authorName, null, null);
    }

    /** Sets the status; the caller holds the conversation's lock. */
    @Transactional
    public void changeStatus(UUID conversationId, ConversationStatus status) {
        jdbc.sql("update conversation set status = ?, last_activity_at = now() where id = ?")
                .params(status.name(), conversationId)
                .update();
    }

    /**
     * The messages after {@code afterSeq}, oldest first, at most {@code limit}, stopping before an answer
     * that is still being written (it is delivered once it has ended, so a reader's position never skips it).
     */
    @Transactional(readOnly = true)
    public List<TranscriptMessage> after(UUID conversationId, int afterSeq, int limit) {
        var rows = jdbc.sql("select " + TRANSCRIPT_COLUMNS + """
                from message m left join feedback f on f.message_id = m.id
                where m.conversation_id = ? and m.seq > ?
                order by m.seq limit ?
                """)
                .params(conversationId, afterSeq, Math.clamp(limit, 1, Conversations.MAX_PAGE))
                .query(LiveConversations::transcriptMessage)
                .list();
        var finished = new ArrayList<TranscriptMessage>();
        for (var message : rows) {
            if (message.status() == MessageStatus.STREAMING) {
                break;
            }
            finished.add(message);
        }
        return finished;
    }

    /**
     * A page of a conversation of one of the departments in {@code scope}, as officers see it.
     *
     * @throws ConversationNotFound when it does not exist or belongs to a department outside the scope
     */
    @Transactional(readOnly = true)
    public TranscriptPage transcript(UUID conversationId, DepartmentScope scope, Integer beforeSeq, int limit) {
        var exists = jdbc.sql("""
                select count(*) from conversation where id = ? and (?::boolean or department_id = any(?::text[]))
                """)
                .params(conversationId, scope.everyDepartment(), scope.departmentIdArray())
                .query(Long.class)
                .single();
        if (exists == 0) {
            throw new ConversationNotFound(conversationId);
        }
        var size = Math.clamp(limit, 1, Conversations.MAX_PAGE);
        var page = OlderMessages.of(
                jdbc.sql("select " + TRANSCRIPT_COLUMNS + """
                from message m left join feedback f on f.message_id = m.id
                where m.conversation_id = ? and m.seq < ?
                order by m.seq desc limit ?
                """)
                        .params(conversationId, OlderMessages.before(beforeSeq), size + 1)
                        .query(LiveConversations::transcriptMessage)
                        .list(),
                size);
        return new TranscriptPage(page.oldestFirst(), page.hasMore());
    }

    private static TranscriptMessage transcriptMessage(ResultSet rs, int row) throws SQLException {
        var rating = rs.getString("rating");
        return new TranscriptMessage(
                rs.getObject("id", UUID.class),
                rs.getInt("seq"),
                MessageRole.valueOf(rs.getString("role")),
                rs.getString("content"),
                MessageStatus.valueOf(rs.getString("status")),
                rs.getString("language"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("author_name"),
                rs.getString("review_state"),
                rating == null ? null : new FeedbackView(rating.toLowerCase(Locale.ROOT), rs.getString("comment")));
    }
}
