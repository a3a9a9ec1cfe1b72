package org.govchat.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.govchat.identity.DepartmentScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supervised mode: answers to citizens of a department with {@code supervised_answers} are held until an
 * officer approves them as they are or with their own text. The citizen sees a held answer as one still
 * being prepared; the first officer to decide wins.
 */
@Service
public class AnswerReviews {

    /**
     * An answer waiting for approval.
     *
     * @param question the citizen's question it answers
     * @param draft what the assistant wrote
     * @param status how the generation ended ({@code PARTIAL} when it broke off)
     */
    public record PendingAnswer(
            UUID messageId,
            UUID conversationId,
            String departmentId,
            String language,
            String question,
            String draft,
            MessageStatus status,
            Instant createdAt) {}

    /** @param reviewState {@code APPROVED} (sent as written) or {@code EDITED} (sent with the officer's text) */
    public record ReviewedAnswer(UUID messageId, UUID conversationId, String departmentId, String reviewState) {}

    private final JdbcClient jdbc;
    private final ConversationSignals signals;

    AnswerReviews(JdbcClient jdbc, ConversationSignals signals) {
        this.jdbc = jdbc;
        this.signals = signals;
    }

    /** The oldest answers waiting in the departments of {@code scope}. */
    @Transactional(readOnly = true)
    public List<PendingAnswer> pending(DepartmentScope scope, int limit) {
        return jdbc.sql("""
                select m.id, m.conversation_id, c.department_id, m.language, m.content, m.status, m.created_at,
                       (select q.content from message q where q.conversation_id = m.conversation_id
                          and q.seq < m.seq and q.role = 'USER' order by q.seq desc limit 1) as question
                from message m join conversation c on c.id = m.conversation_id
                where m.review_state = 'PENDING' and m.status <> 'STREAMING'
                  and (?::boolean or c.department_id = any(?::text[]))
                order by m.created_at limit ?
                """)
                .params(scope.everyDepartment(), scope.departmentIdArray(), limit)
                .query((rs, n) -> new PendingAnswer(
                        rs.getObject("id", UUID.class),
                        rs.getObject("conversation_id", UUID.class),
                        rs.getString("department_id"),
                        rs.getString("language"),
                        rs.getString("question"),
                        rs.getString("content"),
                        MessageStatus.valueOf(rs.getString("status")),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /**
     * Releases a held answer to the citizen: as written ({@code editedContent} null) or with the officer's
     * text instead (the model's text is kept as the draft).
     *
     * @throws MessageNotFound unless it is an answer of a department in {@code scope} that was held
     * @throws AnswerAlreadyReviewed when another officer decided first
     */
    @Transactional
    public ReviewedAnswer approve(UUID messageId, DepartmentScope scope, String editedContent, String reviewer) {
        var reviewed = jdbc.sql("""
                update message m set
                    review_state = case when ?::text is null then 'APPROVED' else 'EDITED' end,
                    draft_content = case when ?::text is null then null else m.content end,
                    content = coalesce(?::text, m.content),
                    status = case when ?::text is null then m.status else 'COMPLETE' end,
                    reviewed_by = ?, reviewed_at = now()
                from conversation c
                where m.id = ? and c.id = m.conversation_id and m.review_state = 'PENDING'
                  and m.status <> 'STREAMING' and (?::boolean or c.department_id = any(?::text[]))
                returning m.conversation_id, c.department_id, m.review_state
                """)
                .params(
                        editedContent,
                        editedContent,
                        editedContent,
                        editedContent,
                        reviewer,
                        messageId,
                        scope.everyDepartment(),
                        scope.departmentIdArray())
                .query((rs, n) ->
                        new ReviewedAnswer(messageId, rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                .optional();
        if (reviewed.isEmpty()) {
            var held = jdbc.sql("""
                    select count(*) from message m join conversation c on c.id = m.conversation_id
                    where m.id = ? and m.review_state is not null and (?::boolean or c.department_id = any(?::text[]))
                    """)
                    .params(messageId, scope.everyDepartment(), scope.departmentIdArray())
                    .query(Long.class)
                    .single();
            if (held == 0) {
                throw new MessageNotFound();
            }
            throw new AnswerAlreadyReviewed();
        }
        var answer = reviewed.get();
        jdbc.sql("update conversation set last_activity_at = now() where id = ?")
                .param(answer.conversationId())
                .update();
        signals.changed(answer.conversationId(), answer.departmentId(), true);
        return answer;
    }
}
