package org.govchat.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.govchat.support.CitizenClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A burst that takes every database connection makes a citizen wait for one, not fail: for the app's key to
 * sign the citizen's cookie, read on first use, and for the new conversation. (A database that is away still
 * fails fast: DatabaseOutageTests.)
 */
// a context of its own: its citizen-cookie key is read from PostgreSQL by the first citizen request, here the
// one that meets the busy pool
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "govchat.database.busy-pool-patience=20s")
class BusyPoolTests {

    @LocalServerPort
    int port;

    @Autowired
    HikariDataSource dataSource;

    @Test
    void aCitizenWaitsPastTheConnectionTimeoutWhileEveryConnectionIsInUse() throws Exception {
        var citizen = new CitizenClient(port);
        citizen.get("/api/v1/departments"); // the CSRF cookie a browser has before it posts
        var held = new ArrayList<Connection>();
        try {
            // every connection the pool may open (the app keeps one for itself, to listen to PostgreSQL)
            var pool = dataSource.getHikariPoolMXBean();
            while (pool.getTotalConnections() < dataSource.getMaximumPoolSize() || pool.getIdleConnections() > 0) {
                held.add(dataSource.getConnection());
            }
            var started = Instant.now();
            var reply = CompletableFuture.supplyAsync(
                    () -> citizen.post("/api/v1/conversations", Map.of("departmentId", "housing")));
            // longer than the pool's connection timeout: without patience the citizen would get a 503 by now
            var holdFor = dataSource.getConnectionTimeout() + 1_500;
            Thread.sleep(holdFor);
            assertThat(reply)
                    .as(() -> "still waiting while the pool is taken, not "
                            + reply.join().status() + " " + reply.join().body())
                    .isNotDone();
            held.forEach(BusyPoolTests::close);
            held.clear();

            var answered = reply.get(30, TimeUnit.SECONDS);
            assertThat(answered.status()).isEqualTo(201);
            assertThat(Duration.between(started, Instant.now())).isGreaterThan(Duration.ofMillis(holdFor));
        } finally {
            held.forEach(BusyPoolTests::close);
        }
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
