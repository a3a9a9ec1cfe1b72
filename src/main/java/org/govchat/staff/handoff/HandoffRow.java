package org.govchat.staff.handoff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** An open handoff as stored. */
record HandoffRow(
        UUID id,
        UUID conversationId,
        String departmentId,
        HandoffReason reason,
        String language,
        Instant requestedAt,
        Instant claimDeadline,
        Instant timedOutAt,
        Instant claimedAt,
        String claimedBy,
        String claimedByName,
        Instant followUpAt,
        String contact,
        String contactKind,
        String caseReference) {

    HandoffPhase phase() {
        if (followUpAt != null) {
            return HandoffPhase.FOLLOW_UP;
        }
        if (claimedAt != null) {
            return HandoffPhase.CLAIMED;
        }
        return timedOutAt != null ? HandoffPhase.TIMED_OUT : HandoffPhase.WAITING;
    }

    boolean claimedBy(String username) {
        return claimedBy != null && claimedBy.equals(username);
    }

    static HandoffRow of(ResultSet rs, int row) throws SQLException {
        return new HandoffRow(
                rs.getObject("id", UUID.class),
                rs.getObject("conversation_id", UUID.class),
                rs.getString("department_id"),
                HandoffReason.valueOf(rs.getString("reason")),
                rs.getString("language"),
                instant(rs.getTimestamp("requested_at")),
                instant(rs.getTimestamp("claim_deadline")),
                instant(rs.getTimestamp("timed_out_at")),
                instant(rs.getTimestamp("claimed_at")),
                rs.getString("claimed_by"),
                rs.getString("claimed_by_name"),
                instant(rs.getTimestamp("follow_up_at")),
                rs.getString("contact"),
                rs.getString("contact_kind"),
                rs.getString("case_reference"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
