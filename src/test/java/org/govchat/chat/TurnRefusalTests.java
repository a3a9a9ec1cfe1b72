package org.govchat.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.govchat.support.CitizenClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Questions refused before any model is called: a problem response, and nothing half-stored. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TurnRefusalTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.govchat.department.DepartmentCatalog catalog;

    @Autowired
    LiveTurns liveTurns;

    CitizenClient citizen;
    String conversation;

    @BeforeEach
    void conversation() {
        citizen = new CitizenClient(port);
        conversation = citizen.startConversation("transport");
    }

    @Test
    void anEmptyQuestionIsA400ProblemAndNothingIsStored() {
        try (var stream = citizen.ask(conversation, "   \n ")) {
            assertThat(stream.status()).isEqualTo(400);
            assertThat(stream.contentType()).startsWith("application/problem+json");
        }
        assertThat(messageCount()).isZero();
    }

    @Test
    void aQuestionOver4000CharactersIsA400ProblemNamingTheLimit() {
        var reply = citizen.post(
                "/api/v1/conversations/" + conversation + "/messages", java.util.Map.of("content", "a".repeat(4001)));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("type").asString()).isEqualTo("/problems/question-too-long");
        assertThat(reply.json().get("detail").asString()).contains("4,000");
        assertThat(messageCount()).isZero();
    }

    @Test
    void exactly4000CharactersIsNotRefusedAsTooLong() {
        var reply = citizen.post(
                "/api/v1/conversations/" + conversation + "/messages", java.util.Map.of("content", "字".repeat(4000)));
        assertThat(reply.json().path("type").asString("")).isNotEqualTo("/problems/question-too-long");
    }

    @Test
    void controlCharactersAreA400ProblemInTheCallersLanguage() {
        var reply = citizen.language("zh-CN")
                .post(
                        "/api/v1/conversations/" + conversation + "/messages",
                        java.util.Map.of("content", "hello\u0000world"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("type").asString()).isEqualTo("/problems/question-control-characters");
        assertThat(reply.json().get("detail").asString()).isEqualTo("问题含有无法发送的字符，请重新输入。");
        assertThat(messageCount()).isZero();
    }

    @Test
    void askingInSomeoneElsesConversationIs404() {
        var stranger = new CitizenClient(port);
        try (var stream = stranger.ask(conversation, "What is my licence status?")) {
            assertThat(stream.status()).isEqualTo(404);
        }
        assertThat(messageCount()).isZero();
    }

    @Test
    void aSecondQuestionWhileAnAnswerIsStreamingIs409() {
        var id = UUID.fromString(conversation);
        jdbc.sql(
                        "insert into message (id, conversation_id, seq, role, content, status) values (?, ?, 1, 'USER', 'q', 'COMPLETE')")
                .params(UUID.randomUUID(), id)
                .update();
        jdbc.sql(
                        "insert into message (id, conversation_id, seq, role, content, status, owner_instance) values (?, ?, 2, 'ASSISTANT', 'half', 'STREAMING', 'me')")
                .params(UUID.randomUUID(), id)
                .update();
        jdbc.sql("insert into app_instance (id) values ('me') on conflict do nothing")
                .update();

        var reply = citizen.post(
                "/api/v1/conversations/" + conversation + "/messages", java.util.Map.of("content", "Another question"));
        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.json().get("type").asString()).isEqualTo("/problems/answer-in-progress");
        assertThat(messageCount()).isEqualTo(2);
    }

    @Test
    void aSwitchedOffDepartmentAnswers503WithATranslatedMessage() {
        jdbc.sql("update department set active = false where id = 'transport'").update();
        catalog.refresh();
        try {
            var reply = citizen.language("zh-HK")
                    .post("/api/v1/conversations/" + conversation + "/messages", java.util.Map.of("content", "點樣續牌？"));
            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.json().get("type").asString()).isEqualTo("/problems/assistant-switched-off");
            assertThat(reply.json().get("detail").asString()).contains("暫時停止服務");
        } finally {
            jdbc.sql("update department set active = true where id = 'transport'")
                    .update();
            catalog.refresh();
        }
        assertThat(messageCount()).isZero();
    }

    @Test
    void answersOrphanedByADeadInstanceAreClosedKeepingTheirText() {
        var id = UUID.fromString(conversation);
        var withText = UUID.randomUUID();
        jdbc.sql(
                        "insert into app_instance (id, heartbeat_at) values ('dead-instance', now() - interval '1 minute') on conflict (id) do update set heartbeat_at = excluded.heartbeat_at")
                .update();
        jdbc.sql(
                        "insert into message (id, conversation_id, seq, role, content, status, owner_instance) values (?, ?, 1, 'ASSISTANT', 'Half an ans', 'STREAMING', 'dead-instance')")
                .params(withText, id)
                .update();

        liveTurns.closeOrphans();

        var row = jdbc.sql("select status, content, error_type from message where id = ?")
                .param(withText)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .single();
        assertThat(row).containsExactly("PARTIAL", "Half an ans", "interrupted");
    }

    @Test
    void answersOfALiveInstanceAreLeftAlone() {
        var id = UUID.fromString(conversation);
        var running = UUID.randomUUID();
        jdbc.sql(
                        "insert into app_instance (id) values ('busy-instance') on conflict (id) do update set heartbeat_at = now()")
                .update();
        jdbc.sql(
                        "insert into message (id, conversation_id, seq, role, content, status, owner_instance) values (?, ?, 1, 'ASSISTANT', '', 'STREAMING', 'busy-instance')")
                .params(running, id)
                .update();

        liveTurns.closeOrphans();

        assertThat(jdbc.sql("select status from message where id = ?")
                        .param(running)
                        .query(String.class)
                        .single())
                .isEqualTo("STREAMING");
        jdbc.sql("delete from message where id = ?").param(running).update();
    }

    private long messageCount() {
        return jdbc.sql("select count(*) from message where conversation_id = ?")
                .param(UUID.fromString(conversation))
                .query(Long.class)
                .single();
    }
}
