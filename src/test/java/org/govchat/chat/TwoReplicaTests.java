package org.govchat.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.govchat.GovchatApplication;
import org.govchat.model.fake.FakeModelServer;
import org.govchat.model.fake.FakeOpenAiServer;
import org.govchat.model.fake.FakeScript;
import org.govchat.support.CitizenClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two replicas on one PostgreSQL: a citizen whose answer is generated on replica A can follow it, resume
 * it and stop it through replica B, with nothing but PostgreSQL between them.
 */
class TwoReplicaTests {

    static final FakeOpenAiServer model = new FakeOpenAiServer();
    static ConfigurableApplicationContext replicaA;
    static ConfigurableApplicationContext replicaB;

    @BeforeAll
    static void startTwoReplicas() {
        var backend = new String[] {
            "--govchat.backends.default.type=openai-compatible",
            "--govchat.backends.default.base-url=" + model.baseUrl(),
            "--govchat.chat.flush-interval=100ms",
            "--server.port=0"
        };
        replicaA = new SpringApplicationBuilder(GovchatApplication.class).run(backend);
        var url = ((HikariDataSource) replicaA.getBean(DataSource.class)).getJdbcUrl();
        var withDatabase = new String[backend.length + 2];
        System.arraycopy(backend, 0, withDatabase, 0, backend.length);
        withDatabase[backend.length] = "--spring.datasource.url=" + url;
        withDatabase[backend.length + 1] = "--spring.datasource.username=postgres";
        replicaB = new SpringApplicationBuilder(GovchatApplication.class).run(withDatabase);
    }

    @AfterAll
    static void stop() {
        replicaB.close();
        replicaA.close();
        model.close();
    }

    @Test
    void anAnswerGeneratedOnOneReplicaIsResumedThroughTheOther() {
        model.enqueue(FakeScript.tokens(30).tokenDelay(Duration.ofMillis(40)));
        var onA = new CitizenClient(port(replicaA));
        var conversation = onA.startConversation("transport");
        String answerId;
        String seen;
        String lastId;
        try (var stream = onA.ask(conversation, "Long answer on A")) {
            answerId = stream.next().text("assistantMessageId");
            lastId = stream.until(e -> e.name().equals("delta") && stream.text().length() > 10)
                    .id();
            seen = stream.text();
        }
        var onB = onA.onPort(port(replicaB));
        try (var resumed = onB.resume(conversation, answerId, lastId)) {
            var events = resumed.drain();
            assertThat(events.getLast().name()).isEqualTo("done");
            assertThat(events.getLast().text("status")).isEqualTo("COMPLETE");
            assertThat(seen + resumed.text()).isEqualTo(tokens(30));
        }
    }

    @Test
    void cancellingThroughTheOtherReplicaStopsTheGenerationWhereItRuns() {
        model.enqueue(FakeScript.tokens(300).tokenDelay(Duration.ofMillis(40)));
        var onA = new CitizenClient(port(replicaA));
        var conversation = onA.startConversation("transport");
        try (var stream = onA.ask(conversation, "Stop me from B")) {
            var answerId = stream.next().text("assistantMessageId");
            stream.until(e -> e.name().equals("delta"));
            var cancelled = model.cancelledStreams();

            var onB = onA.onPort(port(replicaB));
            var reply =
                    onB.post("/api/v1/conversations/" + conversation + "/messages/" + answerId + "/cancel", Map.of());
            assertThat(reply.status()).isEqualTo(202);

            var end = stream.until(e -> e.name().equals("done") || e.name().equals("error"));
            assertThat(end.text("status")).isEqualTo("CANCELLED");
            assertThat(FakeModelServer.await(() -> model.cancelledStreams() - cancelled, 1, Duration.ofSeconds(3)))
                    .isTrue();
            var status = JdbcClient.create(replicaB.getBean(DataSource.class))
                    .sql("select status from message where id = ?")
                    .param(UUID.fromString(answerId))
                    .query(String.class)
                    .single();
            assertThat(status).isEqualTo("CANCELLED");
        }
    }

    @Test
    void eachReplicaHeartbeatsSoNeitherClosesTheOthersLiveAnswers() {
        var instances = JdbcClient.create(replicaA.getBean(DataSource.class))
                .sql("select count(*) from app_instance where heartbeat_at > now() - interval '15 seconds'")
                .query(Long.class)
                .single();
        assertThat(instances).isGreaterThanOrEqualTo(2);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static String tokens(int count) {
        var text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append('t').append(i).append(' ');
        }
        return text.toString();
    }
}
