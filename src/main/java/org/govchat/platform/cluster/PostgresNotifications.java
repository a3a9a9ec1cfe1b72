package org.govchat.platform.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL {@code LISTEN/NOTIFY} as the platform's only message bus between replicas: cancelling a
 * generation running elsewhere, live takeover, stream resume. One connection per replica listens; it
 * reconnects by itself after the database comes back.
 */
@Component
public class PostgresNotifications implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PostgresNotifications.class);
    private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Map<String, List<Consumer<String>>> handlers = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile Thread listener;
    private volatile Connection connection;
    private volatile boolean resubscribe;

    PostgresNotifications(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** Calls {@code handler} with the payload of every notification on {@code channel}, from any replica. */
    public void listen(String channel, Consumer<String> handler) {
        requireChannel(channel);
        handlers.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(handler);
        resubscribe = true;
    }

    /**
     * Sends a notification; inside a transaction it is delivered when (and only if) that transaction
     * commits.
     */
    public void notify(String channel, String payload) {
        requireChannel(channel);
        jdbc.sql("select pg_notify(?, ?)").params(channel, payload).query().singleValue();
    }

    @Override
    public void start() {
        running = true;
        listener = Thread.ofPlatform().daemon().name("pg-notifications").start(this::listenLoop);
    }

    @Override
    public void stop() {
        running = false;
        var thread = listener;
        if (thread != null) {
            thread.interrupt();
        }
        closeQuietly();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listenLoop() {
        var backoff = 250L;
        while (running) {
            try {
                if (connection == null || resubscribe) {
                    connect();
                }
                var notifications = connection.unwrap(PGConnection.class).getNotifications(500);
                backoff = 250L;
                if (notifications == null) {
                    continue;
                }
                for (var notification : notifications) {
                    dispatch(notification.getName(), notification.getParameter());
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Lost the notification connection ({}); reconnecting", e.getMessage());
                closeQuietly();
                sleep(backoff);
                backoff = Math.min(backoff * 2, 5_000L);
            }
        }
    }

    private void connect() throws SQLException {
        closeQuietly();
        resubscribe = false;
        var fresh = dataSource.getConnection();
        fresh.setAutoCommit(true);
        try (var statement = fresh.createStatement()) {
            for (var channel : handlers.keySet()) {
                statement.execute("listen " + channel); // channel names are checked against CHANNEL
            }
        }
        connection = fresh;
    }

    private void dispatch(String channel, String payload) {
        for (var handler : handlers.getOrDefault(channel, List.of())) {
            Thread.ofVirtual().start(() -> {
                try {
                    handler.accept(payload);
                } catch (RuntimeException e) {
                    log.warn("Handler for {} failed: {}", channel, e.getMessage());
                }
            });
        }
    }

    private void closeQuietly() {
        var current = connection;
        connection = null;
        if (current != null) {
            try {
                current.close();
            } catch (SQLException ignored) {
                // already broken
            }
        }
    }

    private static void requireChannel(String channel) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("Not a valid channel name: " + channel);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
