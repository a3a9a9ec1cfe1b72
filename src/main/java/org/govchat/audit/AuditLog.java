package org.govchat.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reading the audit trail, newest first, page by page. */
@Service
class AuditLog {

    static final int MAX_PAGE = 200;

    record Entry(
            long id,
            Instant occurredAt,
            String actor,
            String action,
            String departmentId,
            String targetType,
            String targetId,
            String sourceIp,
            Map<String, Object> details) {}

    /** @param hasMore whether older entries exist; ask again with {@code before} = the last id */
    record Page(List<Entry> events, boolean hasMore) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(readOnly = true)
    Page page(Long beforeId, int limit) {
        var size = Math.clamp(limit, 1, MAX_PAGE);
        var rows = new ArrayList<>(jdbc.sql("""
                select id, occurred_at, actor, action, department_id, target_type, target_id, source_ip, details::text
                from audit_event where id < ? order by id desc limit ?
                """)
                .params(beforeId == null ? Long.MAX_VALUE : beforeId, size + 1)
                .query(this::entry)
                .list());
        var hasMore = rows.size() > size;
        if (hasMore) {
            rows.removeLast();
        }
        return new Page(List.copyOf(rows), hasMore);
    }

    private Entry entry(ResultSet rs, int row) throws SQLException {
        return new Entry(
                rs.getLong("id"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("actor"),
                rs.getString("action"),
                rs.getString("department_id"),
                rs.getString("target_type"),
                rs.getString("target_id"),
                rs.getString("source_ip"),
                json.readValue(rs.getString("details"), new TypeReference<Map<String, Object>>() {}));
    }
}
