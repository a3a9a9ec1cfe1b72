package org.govchat.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.govchat.identity.Actor;
import org.govchat.identity.AuditedAction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Any module's audited event is recorded together with the change it describes, or not at all. */
@SpringBootTest
class AuditTrailTests {

    record ProfileChanged(Actor actor, String departmentId, int version) implements AuditedAction {
        @Override
        public String action() {
            return "PROFILE_CHANGED";
        }

        @Override
        public String targetType() {
            return "assistant-profile";
        }

        @Override
        public String targetId() {
            return departmentId + "/" + version;
        }

        @Override
        public Map<String, Object> details() {
            return Map.of("version", version);
        }
    }

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdminChangeIsRecordedWithActorDepartmentTargetAddressAndUtcTime() {
        var actor = new Actor("housing-admin-" + UUID.randomUUID(), "subject-1", "192.0.2.7");
        transactions.executeWithoutResult(status -> events.publishEvent(new ProfileChanged(actor, "housing", 7)));

        var row = jdbc.sql("""
                select action, department_id, target_type, target_id, source_ip, details->>'version',
                       details->>'subject', abs(extract(epoch from now() - occurred_at)) < 60
                from audit_event where actor = ?
                """)
                .param(actor.username())
                .query((rs, n) -> new Object[] {
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getBoolean(8)
                })
                .single();
        assertThat(row)
                .containsExactly(
                        "PROFILE_CHANGED",
                        "housing",
                        "assistant-profile",
                        "housing/7",
                        "192.0.2.7",
                        "7",
                        "subject-1",
                        true);
    }

    @Test
    void aChangeThatRollsBackLeavesNoAuditRow() {
        var actor = new Actor("rolled-back-" + UUID.randomUUID(), null, "192.0.2.8");
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                    events.publishEvent(new ProfileChanged(actor, "housing", 8));
                    throw new IllegalStateException("the change itself failed");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(jdbc.sql("select count(*) from audit_event where actor = ?")
                        .param(actor.username())
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
