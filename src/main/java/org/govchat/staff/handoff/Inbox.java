package org.govchat.staff.handoff;

import java.time.Instant;
import java.util.List;
import org.govchat.conversation.AnswerReviews;
import org.govchat.conversation.ConversationStatus;
import org.govchat.identity.DepartmentAccess;
import org.govchat.identity.Officer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A department's inbox as one officer sees it: the citizens waiting for (or talking to) an officer, the
 * follow-ups they left, and, in supervised departments, the answers waiting for approval.
 */
@Service
class Inbox {

    static final int MAX_ITEMS = 200;

    /**
     * One open handoff.
     *
     * @param title the start of the citizen's first question
     * @param messageCount how many messages the conversation has (grows as the citizen writes)
     */
    record Item(OfficerHandoffView handoff, String title, Instant lastActivityAt, int messageCount) {}

    /** @param serverTime now, by the server's clock, so waiting times can be shown without clock skew */
    record Snapshot(Instant serverTime, List<Item> handoffs, List<AnswerReviews.PendingAnswer> answersToReview) {

        boolean sameContentAs(Snapshot other) {
            return other != null && handoffs.equals(other.handoffs) && answersToReview.equals(other.answersToReview);
        }
    }

    private final JdbcClient jdbc;
    private final AnswerReviews reviews;

    Inbox(JdbcClient jdbc, AnswerReviews reviews) {
        this.jdbc = jdbc;
        this.reviews = reviews;
    }

    @Transactional(readOnly = true)
    Snapshot snapshot(Officer officer) {
        var scope = DepartmentAccess.servedBy(officer);
        var items = jdbc.sql("""
                select h.*, c.title, c.language as conversation_language, c.status as conversation_status, c.last_activity_at,
                       (select count(*) from message m where m.conversation_id = c.id) as message_count
                from handoff h join conversation c on c.id = h.conversation_id
                where h.ended_at is null and (?::boolean or h.department_id = any(?::text[]))
                order by h.requested_at limit ?
                """)
                .params(scope.everyDepartment(), scope.departmentIdArray(), MAX_ITEMS)
                .query((rs, n) -> {
                    var handoff = HandoffRow.of(rs, n);
                    return new Item(
                            OfficerHandoffView.of(
                                    handoff.conversationId(),
                                    handoff.departmentId(),
                                    ConversationStatus.valueOf(rs.getString("conversation_status")),
                                    rs.getString("conversation_language"),
                                    handoff,
                                    officer.username()),
                            rs.getString("title"),
                            rs.getTimestamp("last_activity_at").toInstant(),
                            rs.getInt("message_count"));
                })
                .list();
        return new Snapshot(Instant.now(), items, reviews.pending(scope, MAX_ITEMS));
    }
}
