package org.govchat.platform.cluster;

import jakarta.annotation.PreDestroy;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * This replica, as the others see it: an id and a heartbeat in PostgreSQL. Work a replica owns (a running
 * generation, say) is tagged with its id, so that survivors can tell orphans from live work.
 */
@Component
public class AppInstance {

    private static final Logger log = LoggerFactory.getLogger(AppInstance.class);

    private final String id;
    private final JdbcClient jdbc;

    AppInstance(@Value("${govchat.instance-id:}") String configuredId, JdbcClient jdbc) {
        this.id = StringUtils.hasText(configuredId)
                ? configuredId
                : UUID.randomUUID().toString();
        this.jdbc = jdbc;
    }

    /** Stable for the life of this process (or across restarts when {@code govchat.instance-id} is set). */
    public String id() {
        return id;
    }

    /** Seconds without a heartbeat after which an instance counts as gone. */
    public static final int STALE_AFTER_SECONDS = 15;

    @EventListener(ApplicationStartedEvent.class)
    void register() {
        jdbc.sql("""
                insert into app_instance (id) values (?)
                on conflict (id) do update set started_at = now(), heartbeat_at = now()
                """).param(id).update();
        log.info("Instance {} registered", id);
    }

    @Scheduled(
            fixedDelayString = "${govchat.heartbeat-interval:5s}",
            initialDelayString = "${govchat.heartbeat-interval:5s}")
    void heartbeat() {
        try {
            jdbc.sql("update app_instance set heartbeat_at = now() where id = ?")
                    .param(id)
                    .update();
            // forget instances gone for a day; their orphans were closed long ago
            jdbc.sql("delete from app_instance where heartbeat_at < now() - interval '1 day'")
                    .update();
        } catch (RuntimeException e) {
            log.warn("Heartbeat failed: {}", e.getMessage());
        }
    }

    @PreDestroy
    void deregister() {
        try {
            jdbc.sql("delete from app_instance where id = ?").param(id).update();
        } catch (RuntimeException e) {
            log.debug("Could not deregister instance {}: {}", id, e.getMessage());
        }
    }
}
