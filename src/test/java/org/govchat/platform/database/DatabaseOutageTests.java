package org.govchat.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.govchat.GovchatApplication;
import org.govchat.support.CitizenClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/** PostgreSQL restarts under a running app: requests fail fast with 503, then all recovers by itself. */
class DatabaseOutageTests {

    @TempDir
    Path dataDirectory;

    @Test
    void duringADatabaseRestartRequestsGetA503QuicklyAndTheAppRecoversWithNothingLost() throws Exception {
        var port = freePort();
        var database = startPostgres(port);
        try (var app = new SpringApplicationBuilder(GovchatApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres")) {
            var citizen = new CitizenClient(
                    ((WebServerApplicationContext) app).getWebServer().getPort());
            var before = citizen.startConversation("housing");

            database.close();
            var started = Instant.now();
            var duringOutage = citizen.post("/api/v1/conversations", Map.of("departmentId", "housing"));
            var took = Duration.between(started, Instant.now());
            assertThat(duringOutage.status()).isEqualTo(503);
            assertThat(duringOutage.header("Content-Type")).startsWith("application/problem+json");
            assertThat(duringOutage.header("Retry-After")).isNotBlank();
            assertThat(duringOutage.json().get("type").asString()).isEqualTo("/problems/database-unavailable");
            assertThat(took).as("fails fast instead of hanging").isLessThan(Duration.ofSeconds(8));
            // a question waits for a connection while the pool is only busy (BusyPool), never while the database is
            // away
            started = Instant.now();
            var questionDuringOutage = citizen.post(
                    "/api/v1/conversations/" + before + "/messages", Map.of("content", "Is anyone there?"));
            took = Duration.between(started, Instant.now());
            assertThat(questionDuringOutage.status()).isEqualTo(503);
            assertThat(questionDuringOutage.json().get("type").asString()).isEqualTo("/problems/database-unavailable");
            assertThat(took).as("a question fails fast too").isLessThan(Duration.ofSeconds(8));

            database = startPostgres(port);
            var deadline = Instant.now().plus(Duration.ofSeconds(30));
            CitizenClient.Reply after;
            do {
                Thread.sleep(250);
                after = citizen.post("/api/v1/conversations", Map.of("departmentId", "housing"));
            } while (after.status() != 201 && Instant.now().isBefore(deadline));
            assertThat(after.status()).as("recovered by itself").isEqualTo(201);
            assertThat(citizen.get("/api/v1/conversations/" + before).status())
                    .as("what was acknowledged before the outage is still there")
                    .isEqualTo(200);
        } finally {
            database.close();
        }
    }

    private EmbeddedPostgres startPostgres(int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
