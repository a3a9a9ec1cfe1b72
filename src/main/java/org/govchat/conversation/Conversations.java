package org.govchat.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.govchat.identity.DepartmentScope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The conversation module's public face. Every read and write that names a conversation also names its
 * owner, and the owner is part of the query: a conversation that is not the caller's does not exist.
 */
@Service
public class Conversations {

    /** A page never holds more than this many messages. */
    public static final int MAX_PAGE = 100;

    private static final int TITLE_LENGTH = 80;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final ApplicationEventPublisher events;
    private final ConversationSignals signals;

    Conversations(
            JdbcClient jdbc, JdbcTemplate jdbcTemplate, ApplicationEventPublisher events, ConversationSignals signals) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.events = events;
        this.signals = signals;
    }

    @Transactional
    public ConversationView start(String departmentId, Channel channel, String ownerRef) {
        var id = UUID.randomUUID();
        jdbc.sql("insert into conversation (id, department_id, channel, owner_ref) values (?, ?, ?, ?)")
                .params(id, departmentId, channel.name(), ownerRef)
                .update();
        return owned(id, ownerRef);
    }

    /** The owner's conversations, most recently active first. */
    @Transactional(readOnly = true)
    public List<ConversationView> owned(String ownerRef, Channel channel, int limit) {
        return jdbc.sql("""
                select * from conversation where owner_ref = ? and channel = ?
                order by last_activity_at desc limit ?
                """)
                .params(ownerRef, channel.name(), limit)
                .query(Conversations::conversation)
                .list();
    }

    /** @throws ConversationNotFound when it does not exist or is not the owner's */
    @Transactional(readOnly = true)
    public ConversationView owned(UUID conversationId, String ownerRef) {
        return jdbc.sql("select * from conversation where id = ? and owner_ref = ?")
                .params(conversationId, ownerRef)
                .query(Conversations::conversation)
                .optional()
                .orElseThrow(() -> new ConversationNotFound(conversationId));
    }

    /**
     * A page of messages, oldest to newest, ending just before {@code beforeSeq} (or at the newest).
     *
     * @throws ConversationNotFound when it does not exist or is not the owner's
     */
    @Transactional(readOnly = true)
    public MessagePage page(UUID conversationId, String ownerRef, Integer beforeSeq, int limit) {
        owned(conversationId, ownerRef);
        return messages(conversationId, beforeSeq, limit);
    }

    /**
     * A conversation of one of the departments in {@code scope}, for officers (staff portal, admin review).
     *
     * @throws ConversationNotFound when it does not exist or belongs to a department outside the scope
     */
    @Transactional(readOnly = true)
    public ConversationView inDepartments(UUID conversationId, DepartmentScope scope) {
        return jdbc.sql("select * from conversation where id = ? and (?::boolean or department_id = any(?::text[]))")
                .params(conversationId, scope.everyDepartment(), scope.departmentIdArray())
                .query(Conversations::conversation)
                .optional()
                .orElseThrow(() -> new ConversationNotFound(conversationId));
    }

    /**
     * A page of messages of a conversation of one of the departments in {@code scope}, like
     * {@link #page(UUID, String, Integer, int)}.
     *
     * @throws ConversationNotFound when it does not exist or belongs to a department outside the scope
     */
    @Transactional(readOnly = true)
    public MessagePage pageInDepartments(UUID conversationId, DepartmentScope scope, Integer beforeSeq, int limit) {
        inDepartments(conversationId, scope);
        return messages(conversationId, beforeSeq, limit);
    }

    private MessagePage messages(UUID conversationId, Integer beforeSeq, int limit) {
        var size = Math.clamp(limit, 1, MAX_PAGE);
        var page = OlderMessages.of(
                jdbc.sql("""
                select m.id, m.seq, m.role, m.content, m.status, m.language, m.created_at, m.review_state,
                       f.rating, f.comment
                from message m left join feedback f on f.message_id = m.id
                where m.conversation_id = ? and m.seq < ?
                order by m.seq desc
                limit ?
                """)
                        .params(conversationId, OlderMessages.before(beforeSeq), size + 1)
                        .query(Conversations::message)
                        .list(),
                size);
        return new MessagePage(page.oldestFirst(), page.hasMore());
    }

    /** @throws MessageNotFound unless the message is in a conversation of the owner */
    @Transactional(readOnly = true)
    public MessageView message(UUID conversationId, UUID messageId, String ownerRef) {
        return jdbc.sql("""
                select m.id, m.seq, m.role, m.content, m.status, m.language, m.created_at, m.review_state,
                       f.rating, f.comment
                from message m
                join conversation c on c.id = m.conversation_id
                left join feedback f on f.message_id = m.id
                where m.id = ? and m.conversation_id = ? and c.owner_ref = ?
                """)
                .params(messageId, conversationId, ownerRef)
                .query(Conversations::message)
                .optional()
                .orElseThrow(MessageNotFound::new);
    }

    /** Erases a conversation with all its messages and feedback. */
    @Transactional
    public void delete(UUID conversationId, String ownerRef) {
        var conversation = owned(conversationId, ownerRef);
        jdbc.sql("delete from conversation where id = ?").param(conversationId).update();
        events.publishEvent(new ConversationDeleted(conversationId, conversation.departmentId()));
    }

    /**
     * Stores the question and a {@code STREAMING} placeholder for the answer in one transaction, before
     * any model is called. {@code admit} sees the locked conversation first: it may refuse the turn by
     * throwing (nothing is stored then), and returns the language tag to store with both messages.
     *
     * @throws ConversationNotFound when it does not exist or is not the owner's
     * @throws AnswerInProgress when an answer in this conversation is still being written
     */
    @Transactional
    public TurnStarted beginTurn(
            UUID conversationId,
            String ownerRef,
            String question,
            String instanceId,
            Function<ConversationView, String> admit) {
        // the row lock serialises turns of one conversation (two tabs sending at once) and officers' changes
        record Locked(ConversationView conversation, boolean answering, int lastSeq, boolean supervised) {}
        var locked = jdbc.sql("""
                select c.*,
                       exists (select 1 from message m where m.conversation_id = c.id
                                 and (m.status = 'STREAMING' or m.review_state = 'PENDING')) as answering,
                       (select coalesce(max(m.seq), 0) from message m where m.conversation_id = c.id) as last_seq,
                       (select d.supervised_answers from department d where d.id = c.department_id) as supervised
                from conversation c where c.id = ? and c.owner_ref = ?
                for update of c
                """)
                .params(conversationId, ownerRef)
                .query((rs, n) -> new Locked(
                        conversation(rs, n),
                        rs.getBoolean("answering"),
                        rs.getInt("last_seq"),
                        rs.getBoolean("supervised")))
                .optional()
                .orElseThrow(() -> new ConversationNotFound(conversationId));
        var conversation = locked.conversation();
        if (conversation.status() == ConversationStatus.CLOSED) {
            throw new ConversationClosed();
        }
        if (locked.answering()) {
            throw new AnswerInProgress();
        }
        var language = admit.apply(conversation);
        var now = ts(Instant.now());
        var userMessageId = UUID.randomUUID();
        if (conversation.status() == ConversationStatus.ESCALATED) {
            // an officer has (or will have) the conversation: the question is theirs, no model answers it
            jdbc.sql(WITH_QUESTION_TOUCH.formatted("""
                    insert into message (id, conversation_id, seq, role, content, language, status, created_at,
                                         completed_at)
                    values (?, ?, ?, 'USER', ?, ?, 'COMPLETE', ?, ?)
                    """))
                    .params(userMessageId, conversationId, locked.lastSeq() + 1, question, language, now, now)
                    .params(language, now, title(question), conversationId)
                    .update();
            signals.changed(conversationId, conversation.departmentId(), true);
            return new TurnStarted(
                    conversationId,
                    conversation.departmentId(),
                    userMessageId,
                    null,
                    language,
                    now.toInstant(),
                    conversation.channel(),
                    true,
                    false);
        }
        var supervised = conversation.channel() == Channel.CITIZEN && locked.supervised();
        var assistantMessageId = UUID.randomUUID();
        jdbc.sql(WITH_QUESTION_TOUCH.formatted("""
                insert into message (id, conversation_id, seq, role, content, language, status, owner_instance,
                                     created_at, completed_at, review_state)
                values (?, ?, ?, 'USER', ?, ?, 'COMPLETE', null, ?, ?, null),
                       (?, ?, ?, 'ASSISTANT', '', ?, 'STREAMING', ?, ?, null, ?)
                """))
                .params(
                        userMessageId,
                        conversationId,
                        locked.lastSeq() + 1,
                        question,
                        language,
                        now,
                        now,
                        assistantMessageId,
                        conversationId,
                        locked.lastSeq() + 2,
                        language,
                        instanceId,
                        now,
                        supervised ? "PENDING" : null)
                .params(language, now, title(question), conversationId)
                .update();
        return new TurnStarted(
                conversationId,
                conversation.departmentId(),
                userMessageId,
                assistantMessageId,
                language,
                now.toInstant(),
                conversation.channel(),
                false,
                supervised);
    }

    /**
     * A turn's messages (the insert put in {@code %s}) and the conversation's language, last activity and
     * title (the question's start, if it has none yet), written in one statement: one round trip while the
     * conversation's row is locked. Parameters: the insert's, then language, time, title, conversation id.
     */
    private static final String WITH_QUESTION_TOUCH = """
            with turn as (
            %s)
            update conversation set language = ?, last_activity_at = ?, title = coalesce(title, ?)
            where id = ?
            """;

    /** Writes the text generated so far to still-streaming answers, in one round trip. */
    @Transactional
    public void flush(Map<UUID, PartialAnswer> answers) {
        if (answers.isEmpty()) {
            return;
        }
        var rows = answers.entrySet().stream()
                .map(e -> new Object[] {e.getValue().content(), e.getValue().reasoning(), e.getKey()})
                .toList();
        jdbcTemplate.batchUpdate(
                "update message set content = ?, reasoning = ? where id = ? and status = 'STREAMING'", rows);
    }

    /** Text of an answer that is still being written. */
    public record PartialAnswer(String content, String reasoning) {}

    /**
     * Records how an answer ended and announces it. Only a still-streaming answer is finished, so an
     * erased conversation or an answer already closed as orphaned stays as it is. The answer's row and its
     * conversation's last activity are written by one statement (atomic without a transaction of its own):
     * one round trip at the end of every answer.
     *
     * @return whether the answer was still streaming
     */
    public boolean finish(UUID assistantMessageId, AssistantOutcome outcome) {
        var now = Instant.now();
        record Finished(UUID conversationId, String departmentId, Channel channel, String language, String review) {}
        // a held answer (supervised mode) without any text has nothing for an officer to approve
        var finished = jdbc.sql("""
                with answer as (
                    update message set status = ?, content = ?, reasoning = ?, backend = ?, model = ?,
                        tokens_in = ?, tokens_out = ?, time_to_first_token_ms = ?, duration_ms = ?,
                        error_type = ?, completed_at = ?,
                        review_state = case when review_state = 'PENDING' and ?::text = '' then null
                                            else review_state end
                    where id = ? and status = 'STREAMING'
                    returning conversation_id, language, coalesce(review_state, '') as review
                ), touched as (
                    update conversation c set last_activity_at = ?
                    from answer a where c.id = a.conversation_id
                    returning c.id, c.department_id, c.channel
                )
                select t.id, t.department_id, t.channel, a.language, a.review
                from touched t join answer a on a.conversation_id = t.id
                """)
                .params(
                        outcome.status().name(),
                        outcome.content(),
                        outcome.reasoning(),
                        outcome.backend(),
                        outcome.model(),
                        outcome.tokensIn(),
                        outcome.tokensOut(),
                        outcome.timeToFirstTokenMs(),
                        outcome.durationMs(),
                        outcome.errorType(),
                        ts(now),
                        outcome.content(),
                        assistantMessageId,
                        ts(now))
                .query((rs, n) -> new Finished(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        Channel.valueOf(rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5)))
                .optional();
        if (finished.isEmpty()) {
            return false;
        }
        var answer = finished.get();
        if (answer.review().equals("PENDING")) {
            signals.changed(answer.conversationId(), answer.departmentId(), true);
        }
        events.publishEvent(new MessageCompleted(
                assistantMessageId,
                answer.conversationId(),
                answer.departmentId(),
                answer.channel(),
                outcome.status(),
                answer.language(),
                outcome.backend(),
                outcome.model(),
                outcome.tokensIn(),
                outcome.tokensOut(),
                outcome.timeToFirstTokenMs(),
                outcome.durationMs(),
                now));
        return true;
    }

    /** The stored state of an answer, for following a generation that runs on another replica. */
    @Transactional(readOnly = true)
    public StreamSnapshot snapshot(UUID messageId) {
        return jdbc.sql("select conversation_id, status, content, error_type, review_state from message where id = ?")
                .param(messageId)
                .query((rs, n) -> {
                    var held = "PENDING".equals(rs.getString(5));
                    return new StreamSnapshot(
                            rs.getObject(1, UUID.class),
                            held ? MessageStatus.STREAMING : MessageStatus.valueOf(rs.getString(2)),
                            held ? "" : rs.getString(3),
                            rs.getString(4),
                            held);
                })
                .optional()
                .orElseThrow(MessageNotFound::new);
    }

    /** Answers still marked as streaming in a conversation (at most one). */
    @Transactional(readOnly = true)
    public List<UUID> streamingAnswers(UUID conversationId) {
        return jdbc.sql("select id from message where conversation_id = ? and status = 'STREAMING'")
                .param(conversationId)
                .query(UUID.class)
                .list();
    }

    /**
     * Closes answers left {@code STREAMING} by a process that died: those of instances that stopped
     * heart-beating, and this instance's own from before it (re)started. Text flushed before the crash is
     * kept ({@code PARTIAL}); an answer with none is {@code FAILED}.
     *
     * @return how many were closed
     */
    @Transactional
    public int closeOrphans(String instanceId, Instant instanceStartedAt, int staleAfterSeconds) {
        return jdbc.sql("""
                update message m
                set status = case when m.content = '' then 'FAILED' else 'PARTIAL' end,
                    error_type = 'interrupted', completed_at = now(),
                    review_state = case when m.content = '' then null else m.review_state end
                where m.status = 'STREAMING'
                  and (m.owner_instance is null
                       or (m.owner_instance = ? and m.created_at < ?)
                       or (m.owner_instance <> ? and not exists (
                              select 1 from app_instance i
                              where i.id = m.owner_instance
                                and i.heartbeat_at > now() - make_interval(secs => ?))))
                """)
                .params(instanceId, ts(instanceStartedAt), instanceId, staleAfterSeconds)
                .update();
    }

    /**
     * Rates an assistant answer (again: the last rating counts).
     *
     * @throws MessageNotFound unless it is an answer in one of the owner's conversations
     */
    @Transactional
    public FeedbackView rate(UUID messageId, String ownerRef, String rating, String comment) {
        var isAnswer =
                jdbc.sql("""
                select count(*) from message m join conversation c on c.id = m.conversation_id
                where m.id = ? and c.owner_ref = ? and m.role = 'ASSISTANT'
                """).params(messageId, ownerRef).query(Long.class).single();
        if (isAnswer == 0) {
            throw new MessageNotFound();
        }
        jdbc.sql("""
                insert into feedback (message_id, rating, comment) values (?, ?, ?)
                on conflict (message_id) do update
                set rating = excluded.rating, comment = excluded.comment, updated_at = now()
                """)
                .params(messageId, rating.toUpperCase(java.util.Locale.ROOT), comment)
                .update();
        return new FeedbackView(rating, comment);
    }

    /** The newest messages of a conversation usable as model memory, oldest first. */
    @Transactional(readOnly = true)
    List<MemoryRow> memory(UUID conversationId, int limit) {
        var rows = new ArrayList<>(jdbc.sql("""
                select role, content from message
                where conversation_id = ? and role in ('USER', 'ASSISTANT', 'STAFF')
                  and status in ('COMPLETE', 'PARTIAL') and content <> ''
                  and (review_state is null or review_state <> 'PENDING')
                order by seq desc limit ?
                """)
                .params(conversationId, limit)
                .query((rs, n) -> new MemoryRow(MessageRole.valueOf(rs.getString(1)), rs.getString(2)))
                .list());
        Collections.reverse(rows);
        return rows;
    }

    record MemoryRow(MessageRole role, String content) {}

    static String title(String question) {
        var oneLine = question.strip().replaceAll("\\s+", " ");
        return oneLine.codePointCount(0, oneLine.length()) <= TITLE_LENGTH
                ? oneLine
                : oneLine.substring(0, oneLine.offsetByCodePoints(0, TITLE_LENGTH - 1)) + "…";
    }

    static ConversationView conversation(ResultSet rs, int row) throws SQLException {
        return new ConversationView(
                rs.getObject("id", UUID.class),
                rs.getString("department_id"),
                Channel.valueOf(rs.getString("channel")),
                rs.getString("title"),
                rs.getString("language"),
                ConversationStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("last_activity_at").toInstant());
    }

    /** A message as its owner sees it: an answer held for an officer's approval is still being prepared. */
    private static MessageView message(ResultSet rs, int row) throws SQLException {
        var rating = rs.getString("rating");
        var held = "PENDING".equals(rs.getString("review_state"));
        return new MessageView(
                rs.getObject("id", UUID.class),
                rs.getInt("seq"),
                MessageRole.valueOf(rs.getString("role")),
                held ? "" : rs.getString("content"),
                held ? MessageStatus.STREAMING : MessageStatus.valueOf(rs.getString("status")),
                rs.getString("language"),
                rs.getTimestamp("created_at").toInstant(),
                rating == null
                        ? null
                        : new FeedbackView(rating.toLowerCase(java.util.Locale.ROOT), rs.getString("comment")));
    }

    static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
