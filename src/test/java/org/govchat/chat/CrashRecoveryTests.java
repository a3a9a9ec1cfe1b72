package org.govchat.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.govchat.GovchatApplication;
import org.govchat.model.fake.FakeOpenAiServer;
import org.govchat.model.fake.FakeScript;
import org.govchat.support.CitizenClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app process is killed (SIGKILL) in the middle of an answer. After a restart the answer is not
 * left STREAMING: it is PARTIAL with the text flushed before the crash.
 */
class CrashRecoveryTests {

    @TempDir
    Path work;

    final FakeOpenAiServer model = new FakeOpenAiServer();
    final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (var process : processes) {
            process.destroy(); // SIGTERM: the app stops its embedded PostgreSQL on the way out
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        model.close();
    }

    @Test
    void anAnswerCutByAKilledProcessIsPartialWithItsFlushedTextAfterRestart() throws Exception {
        model.respondByDefault(FakeScript.tokens(400).tokenDelay(Duration.ofMillis(40)));
        var port = freePort();
        var dataDirectory = work.resolve("postgres");

        var first = launch(port, dataDirectory, "first-run.log");
        var citizen = new CitizenClient(port);
        var conversation = citizen.startConversation("housing");
        String answerId;
        String streamed;
        try (var stream = citizen.ask(conversation, "Tell me a very long story")) {
            answerId = stream.next().text("assistantMessageId");
            stream.until(e -> e.name().equals("delta") && stream.text().length() > 60);
            Thread.sleep(500); // at least one flush after what we saw
            streamed = stream.text();
            first.destroyForcibly().waitFor();
        }

        launch(port, dataDirectory, "second-run.log");
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    var answer = citizen.get("/api/v1/conversations/" + conversation + "/messages")
                            .json()
                            .get("messages")
                            .get(1);
                    assertThat(answer.get("id").asString()).isEqualTo(answerId);
                    assertThat(answer.get("status").asString()).isEqualTo("PARTIAL");
                });
        var answer = citizen.get("/api/v1/conversations/" + conversation + "/messages")
                .json()
                .get("messages")
                .get(1);
        var kept = answer.get("content").asString();
        assertThat(kept).as("the text flushed before the crash").isNotEmpty().startsWith("t0 t1 ");
        assertThat(streamed.startsWith(kept) || kept.startsWith(streamed)).isTrue();

        // and the conversation carries on after the restart
        model.respondByDefault(FakeScript.answer("Back", " again."));
        try (var stream = citizen.ask(conversation, "Are you back?")) {
            assertThat(stream.drain().getLast().text("status")).isEqualTo("COMPLETE");
            assertThat(stream.text()).isEqualTo("Back again.");
        }
    }

    private Process launch(int port, Path dataDirectory, String logName) throws Exception {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = List.of(
                java,
                "--add-modules",
                "jdk.incubator.vector",
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                GovchatApplication.class.getName(),
                "--server.port=" + port,
                "--govchat.embedded-postgres.ephemeral=false",
                "--govchat.embedded-postgres.data-directory=" + dataDirectory,
                "--govchat.instance-id=replica-1",
                "--govchat.backends.default.type=openai-compatible",
                "--govchat.backends.default.base-url=" + model.baseUrl(),
                "--govchat.chat.flush-interval=100ms");
        var log = Files.createDirectories(Path.of("target", "crash-test")).resolve(logName);
        var process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        processes.add(process);
        var http = HttpClient.newHttpClient();
        var readiness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .build();
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    assertThat(process.isAlive())
                            .as("app process running; see " + log)
                            .isTrue();
                    try {
                        return http.send(readiness, HttpResponse.BodyHandlers.ofString())
                                        .statusCode()
                                == 200;
                    } catch (IOException notYet) {
                        return false;
                    }
                });
        return process;
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
