package org.govchat.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The schema itself keeps its promises, whatever code runs against it. */
@SpringBootTest
class AuditTrailSchemaTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void auditEventsCanBeAppendedButNeverChangedOrRemoved() {
        var id = jdbc.sql(
                        "insert into audit_event (actor, action, department_id) values ('tester', 'TEST', 'housing') returning id")
                .query(Long.class)
                .single();

        assertThatThrownBy(() -> jdbc.sql("update audit_event set actor = 'someone else' where id = ?")
                        .param(id)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event where id = ?")
                        .param(id)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_event").update())
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("append-only");

        assertThat(jdbc.sql("select actor from audit_event where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("tester");
    }

    @Test
    void aDepartmentCanHaveOnlyOneActiveProfile() {
        assertThatThrownBy(() -> jdbc.sql("""
                insert into assistant_profile (department_id, version, system_prompt, backend_id,
                    greeting_en, greeting_zh_hant, greeting_zh_hans, active, created_by)
                values ('housing', 99, 'p', 'default', 'g', 'g', 'g', true, 'tester')
                """).update())
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("assistant_profile_one_active");
    }

    @Test
    void messageSequenceNumbersAreUniqueInAConversation() {
        var conversation = java.util.UUID.randomUUID();
        jdbc.sql(
                        "insert into conversation (id, department_id, channel, owner_ref) values (?, 'housing', 'CITIZEN', 'x')")
                .param(conversation)
                .update();
        var insert =
                "insert into message (id, conversation_id, seq, role, content, status) values (?, ?, 1, 'USER', 'hi', 'COMPLETE')";
        jdbc.sql(insert).params(java.util.UUID.randomUUID(), conversation).update();
        assertThatThrownBy(() -> jdbc.sql(insert)
                        .params(java.util.UUID.randomUUID(), conversation)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("message_seq_unique");
    }
}
