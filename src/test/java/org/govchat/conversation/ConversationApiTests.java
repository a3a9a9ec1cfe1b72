package org.govchat.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.govchat.support.CitizenClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConversationApiTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.govchat.department.DepartmentCatalog catalog;

    CitizenClient alice;
    CitizenClient bob;

    @BeforeEach
    void twoBrowsers() {
        alice = new CitizenClient(port);
        bob = new CitizenClient(port);
    }

    @Test
    void startingAConversationSetsAnHttpOnlyAnonymousCookieAndAnswers201() {
        var reply = alice.post("/api/v1/conversations", Map.of("departmentId", "housing"));
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.header("Location"))
                .endsWith("/api/v1/conversations/" + reply.json().get("id").asString());
        assertThat(reply.json().get("departmentId").asString()).isEqualTo("housing");
        assertThat(reply.json().get("createdAt").asString()).isNotBlank();
        var cookie = reply.setCookie("govchat_citizen");
        assertThat(cookie).startsWith("govchat_citizen=").contains("HttpOnly").contains("SameSite=Lax");
    }

    @Test
    void theOwnerIsStoredAsAHashNeverTheCookieValue() {
        var reply = alice.post("/api/v1/conversations", Map.of("departmentId", "housing"));
        var cookieValue = reply.setCookie("govchat_citizen").split(";")[0].substring("govchat_citizen=".length());
        var owner = jdbc.sql("select owner_ref from conversation where id = ?")
                .param(UUID.fromString(reply.json().get("id").asString()))
                .query(String.class)
                .single();
        assertThat(owner)
                .startsWith("c:")
                .hasSize(2 + 64)
                .doesNotContain(cookieValue.split("\\.")[0]);
    }

    @Test
    void citizenListsOnlyTheirOwnConversationsNewestFirst() {
        var first = alice.startConversation("housing");
        var second = alice.startConversation("transport");
        bob.startConversation("immigration");

        var list = alice.get("/api/v1/conversations").json();
        assertThat(list.size()).isEqualTo(2);
        assertThat(list.get(0).get("id").asString()).isEqualTo(second);
        assertThat(list.get(1).get("id").asString()).isEqualTo(first);
    }

    @Test
    void citizenCannotReadAnotherCitizensConversation() {
        var conversation = alice.startConversation("housing");
        insertMessages(UUID.fromString(conversation), 2);

        for (var path : new String[] {
            "/api/v1/conversations/" + conversation, "/api/v1/conversations/" + conversation + "/messages"
        }) {
            var reply = bob.get(path);
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.json().get("type").asString()).isEqualTo("/problems/conversation-not-found");
            assertThat(reply.body()).doesNotContain("question 1");
        }
        assertThat(bob.delete("/api/v1/conversations/" + conversation).status()).isEqualTo(404);
        assertThat(alice.get("/api/v1/conversations/" + conversation + "/messages")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aForgedCookieIsTreatedAsANewCitizen() {
        var created = alice.post("/api/v1/conversations", Map.of("departmentId", "housing"));
        var conversation = created.json().get("id").asString();
        var aliceId = created.setCookie("govchat_citizen")
                .split(";")[0]
                .split("=", 2)[1]
                .split("\\.")[0];
        var mallory = new CitizenClient(port);
        // Alice's anonymous id with a made-up signature: it must not pass as Alice
        mallory.setCookie("govchat_citizen", aliceId + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        var reply = mallory.get("/api/v1/conversations");
        assertThat(reply.json().size()).isZero();
        assertThat(reply.setCookie("govchat_citizen"))
                .as("a fresh identity replaces the forged one")
                .startsWith("govchat_citizen=");
        assertThat(mallory.get("/api/v1/conversations/" + conversation).status())
                .isEqualTo(404);
    }

    @Test
    void historyIsPagedBySequenceOldestToNewestWithHasMore() {
        var conversation = UUID.fromString(alice.startConversation("housing"));
        insertMessages(conversation, 120);

        var newest = alice.get("/api/v1/conversations/" + conversation + "/messages?limit=50")
                .json();
        assertThat(newest.get("hasMore").asBoolean()).isTrue();
        var messages = newest.get("messages");
        assertThat(messages.size()).isEqualTo(50);
        assertThat(messages.get(0).get("seq").asInt()).isEqualTo(71);
        assertThat(messages.get(49).get("seq").asInt()).isEqualTo(120);
        assertThat(messages.get(49).get("content").asString()).isEqualTo("answer 60");
        assertThat(messages.get(49).has("reasoning")).isFalse();

        var older = alice.get("/api/v1/conversations/" + conversation + "/messages?limit=50&before=71")
                .json();
        assertThat(older.get("messages").get(0).get("seq").asInt()).isEqualTo(21);
        assertThat(older.get("hasMore").asBoolean()).isTrue();

        var oldest = alice.get("/api/v1/conversations/" + conversation + "/messages?limit=50&before=21")
                .json();
        assertThat(oldest.get("messages").size()).isEqualTo(20);
        assertThat(oldest.get("messages").get(0).get("seq").asInt()).isEqualTo(1);
        assertThat(oldest.get("hasMore").asBoolean()).isFalse();
    }

    @Test
    void pageSizeOutsideOneToAHundredIsA400Problem() {
        var conversation = alice.startConversation("housing");
        var reply = alice.get("/api/v1/conversations/" + conversation + "/messages?limit=1000");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void deletingAConversationErasesItsMessagesAndFeedback() {
        var conversation = UUID.fromString(alice.startConversation("housing"));
        insertMessages(conversation, 4);
        var answer = jdbc.sql("select id from message where conversation_id = ? and seq = 2")
                .param(conversation)
                .query(UUID.class)
                .single();
        assertThat(alice.post("/api/v1/messages/" + answer + "/feedback", Map.of("rating", "up"))
                        .status())
                .isEqualTo(200);

        assertThat(alice.delete("/api/v1/conversations/" + conversation).status())
                .isEqualTo(204);

        assertThat(alice.get("/api/v1/conversations/" + conversation).status()).isEqualTo(404);
        assertThat(count("select count(*) from message where conversation_id = ?", conversation))
                .isZero();
        assertThat(count("select count(*) from feedback where message_id = ?", answer))
                .isZero();
    }

    @Test
    void feedbackOnAnAnswerIsStoredAndShownWithTheMessageAndCanBeChanged() {
        var conversation = UUID.fromString(alice.startConversation("housing"));
        insertMessages(conversation, 2);
        var answer = jdbc.sql("select id from message where conversation_id = ? and seq = 2")
                .param(conversation)
                .query(UUID.class)
                .single();

        alice.post("/api/v1/messages/" + answer + "/feedback", Map.of("rating", "down", "comment", "Not what I asked"));
        var stored = alice.get("/api/v1/conversations/" + conversation + "/messages")
                .json()
                .get("messages")
                .get(1);
        assertThat(stored.get("feedback").get("rating").asString()).isEqualTo("down");
        assertThat(stored.get("feedback").get("comment").asString()).isEqualTo("Not what I asked");

        alice.post("/api/v1/messages/" + answer + "/feedback", Map.of("rating", "up"));
        assertThat(jdbc.sql("select rating from feedback where message_id = ?")
                        .param(answer)
                        .query(String.class)
                        .single())
                .isEqualTo("UP");
    }

    @Test
    void feedbackIsOnlyForAnswersInTheCallersOwnConversations() {
        var conversation = UUID.fromString(alice.startConversation("housing"));
        insertMessages(conversation, 2);
        var question = messageId(conversation, 1);
        var answer = messageId(conversation, 2);

        assertThat(alice.post("/api/v1/messages/" + question + "/feedback", Map.of("rating", "up"))
                        .status())
                .isEqualTo(404);
        assertThat(bob.post("/api/v1/messages/" + answer + "/feedback", Map.of("rating", "up"))
                        .status())
                .isEqualTo(404);
        var invalid = alice.post("/api/v1/messages/" + answer + "/feedback", Map.of("rating", "meh"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").get(0).get("field").asString()).isEqualTo("rating");
    }

    @Test
    void unknownDepartmentIs404AndMalformedJsonIs400() {
        var unknown = alice.post("/api/v1/conversations", Map.of("departmentId", "parks"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("type").asString()).isEqualTo("/problems/department-not-found");

        var malformed = alice.postRaw("/api/v1/conversations", "application/json", "{\"departmentId\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.header("Content-Type")).startsWith("application/problem+json");
        assertThat(malformed.json().get("type").asString()).isEqualTo("/problems/malformed-request");
        assertThat(malformed.body()).doesNotContain("Exception").doesNotContain("tools.jackson");

        var missing = alice.post("/api/v1/conversations", Map.of());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("type").asString()).isEqualTo("/problems/invalid-request");

        var wrongType = alice.postRaw("/api/v1/conversations", "text/plain", "housing");
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.json().get("type").asString()).isEqualTo("/problems/unsupported-media-type");
    }

    @Test
    void aSwitchedOffDepartmentRefusesNewConversationsWithATranslated503() {
        jdbc.sql("update department set active = false where id = 'inland-revenue'")
                .update();
        catalog.refresh();
        try {
            var reply = alice.language("zh-HK").post("/api/v1/conversations", Map.of("departmentId", "inland-revenue"));
            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.json().get("type").asString()).isEqualTo("/problems/assistant-switched-off");
            assertThat(reply.json().get("detail").asString()).isEqualTo("此助理暫時停止服務，請稍後再試或直接聯絡有關部門。");
            var listed = alice.get("/api/v1/departments").json();
            for (var department : listed) {
                if (department.get("id").asString().equals("inland-revenue")) {
                    assertThat(department.get("available").asBoolean()).isFalse();
                }
            }
        } finally {
            jdbc.sql("update department set active = true where id = 'inland-revenue'")
                    .update();
            catalog.refresh();
        }
    }

    private UUID messageId(UUID conversation, int seq) {
        return jdbc.sql("select id from message where conversation_id = ? and seq = ?")
                .params(conversation, seq)
                .query(UUID.class)
                .single();
    }

    private long count(String sql, Object param) {
        return jdbc.sql(sql).param(param).query(Long.class).single();
    }

    /** Alternating questions and answers, seq 1..n. */
    private void insertMessages(UUID conversation, int n) {
        for (int seq = 1; seq <= n; seq++) {
            var question = seq % 2 == 1;
            jdbc.sql("""
                    insert into message (id, conversation_id, seq, role, content, status)
                    values (?, ?, ?, ?, ?, 'COMPLETE')
                    """)
                    .params(
                            UUID.randomUUID(),
                            conversation,
                            seq,
                            question ? "USER" : "ASSISTANT",
                            (question ? "question " : "answer ") + ((seq + 1) / 2))
                    .update();
        }
    }
}
