package org.govchat.audit;

import org.govchat.identity.AuditedAction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes audited actions to {@code audit_event}. The row is written before the publishing transaction
 * commits, inside it: an action and its audit row are stored together or not at all (an asynchronous
 * listener after commit could lose the row in a crash). Actions outside a transaction (sign-in) are
 * written at once.
 */
@Component
class AuditTrail {

    private static final int MAX_TEXT = 200;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditTrail(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void record(AuditedAction action) {
        var actor = action.actor();
        jdbc.sql("""
                insert into audit_event (actor, action, department_id, target_type, target_id, source_ip, details)
                values (?, ?, ?, ?, ?, ?, ?::jsonb)
                """)
                .params(
                        clip(actor.username()),
                        action.action(),
                        action.departmentId(),
                        action.targetType(),
                        clip(action.targetId()),
                        actor.sourceIp(),
                        json.writeValueAsString(details(action)))
                .update();
    }

    private static java.util.Map<String, Object> details(AuditedAction action) {
        var details = new java.util.LinkedHashMap<String, Object>(action.details());
        if (action.actor().subject() != null) {
            details.putIfAbsent("subject", action.actor().subject());
        }
        return details;
    }

    private static String clip(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }
}
