package org.govchat.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class RetentionPurgeTests {

    @Autowired
    RetentionPurge purge;

    @Autowired
    JdbcClient jdbc;

    @Test
    void conversationsPastTheirDepartmentsRetentionAreErasedAndRecentOnesKept() {
        // transport keeps 90 days, housing 365 (demo data)
        var expired = conversation("transport", 91);
        var recentTransport = conversation("transport", 89);
        var housingOfSameAge = conversation("housing", 91);

        purge.purgeExpired();

        assertThat(exists(expired)).isFalse();
        assertThat(jdbc.sql("select count(*) from message where conversation_id = ?")
                        .param(expired)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(exists(recentTransport)).isTrue();
        assertThat(exists(housingOfSameAge)).isTrue();
    }

    private UUID conversation(String department, int daysIdle) {
        var id = UUID.randomUUID();
        // one statement: the app's own scheduled purge may run at any moment and must never find the
        // conversation without its message
        jdbc.sql("""
                        with c as (
                            insert into conversation (id, department_id, channel, owner_ref, last_activity_at)
                            values (?, ?, 'CITIZEN', 'c:test', now() - make_interval(days => ?))
                            returning id)
                        insert into message (id, conversation_id, seq, role, content, status)
                        select ?, c.id, 1, 'USER', 'old question', 'COMPLETE' from c
                        """).params(id, department, daysIdle, UUID.randomUUID()).update();
        return id;
    }

    private boolean exists(UUID id) {
        return jdbc.sql("select count(*) from conversation where id = ?")
                        .param(id)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
