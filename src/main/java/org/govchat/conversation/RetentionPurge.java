package org.govchat.conversation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the privacy notice's promise: a conversation untouched for longer than its department's
 * retention period is erased with its messages and feedback. Runs hourly on every replica; the work is
 * idempotent, so replicas racing each other only repeat an empty delete.
 */
@Component
class RetentionPurge {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);
    private static final int BATCH = 1_000;

    private final JdbcClient jdbc;

    RetentionPurge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(
            initialDelayString = "${govchat.retention.initial-delay:1m}",
            fixedDelayString = "${govchat.retention.interval:1h}")
    void purgeExpired() {
        var total = 0;
        int deleted;
        do {
            deleted = purgeBatch();
            total += deleted;
        } while (deleted == BATCH);
        if (total > 0) {
            log.info("Retention: erased {} conversations past their department's retention period", total);
        }
    }

    int purgeBatch() {
        return jdbc.sql("""
                delete from conversation where id in (
                    select c.id from conversation c join department d on d.id = c.department_id
                    where c.last_activity_at < now() - make_interval(days => d.retention_days)
                      and not exists (select 1 from message m where m.conversation_id = c.id and m.status = 'STREAMING')
                    limit ?)
                """).param(BATCH).update();
    }
}
