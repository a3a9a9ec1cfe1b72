package org.govchat.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.govchat.model.fake.FakeModelServer;
import org.govchat.model.fake.FakeOllamaServer;
import org.govchat.model.fake.FakeOpenAiServer;
import org.govchat.model.fake.FakeScript;
import org.govchat.support.CitizenClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A whole turn over HTTP against protocol-faithful fake model servers on real sockets: what the citizen
 * receives, and what PostgreSQL holds afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChatStreamingTests {

    static final FakeOpenAiServer primary = new FakeOpenAiServer();
    static final FakeOllamaServer fallback = new FakeOllamaServer();
    static final FakeOpenAiServer narrow = new FakeOpenAiServer();

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("govchat.backends.default.type", () -> "openai-compatible");
        registry.add("govchat.backends.default.base-url", primary::baseUrl);
        registry.add("govchat.backends.default.default-model", () -> "fake-model");
        registry.add("govchat.backends.default.first-token-timeout", () -> "2s");
        registry.add("govchat.backends.default.between-tokens-timeout", () -> "2s");
        registry.add("govchat.backends.local-ollama.type", () -> "ollama");
        registry.add("govchat.backends.local-ollama.base-url", fallback::baseUrl);
        registry.add("govchat.backends.local-ollama.default-model", () -> "qwen2.5:0.5b");
        registry.add("govchat.backends.narrow.type", () -> "openai-compatible");
        registry.add("govchat.backends.narrow.base-url", narrow::baseUrl);
        registry.add("govchat.backends.narrow.max-concurrent", () -> "1");
        registry.add("govchat.backends.narrow.max-queue", () -> "1");
        registry.add("govchat.backends.hurried.type", () -> "openai-compatible");
        registry.add("govchat.backends.hurried.base-url", narrow::baseUrl);
        registry.add("govchat.backends.hurried.max-concurrent", () -> "1");
        registry.add("govchat.backends.hurried.max-queue-wait", () -> "300ms");
        registry.add("govchat.chat.flush-interval", () -> "100ms");
        registry.add("govchat.chat.keep-alive-interval", () -> "400ms");
        // these tests inject many faults into one backend on purpose: keep its circuit closed
        registry.add("govchat.circuit-breaker.window", () -> "100");
        registry.add("govchat.circuit-breaker.minimum-calls", () -> "100");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.govchat.department.DepartmentCatalog catalog;

    CitizenClient citizen;
    String conversation;

    @BeforeEach
    void newCitizen() {
        primary.reset();
        fallback.reset();
        narrow.reset();
        citizen = new CitizenClient(port);
        conversation = citizen.startConversation("housing");
    }

    @AfterEach
    void restoreProfile() {
        jdbc.sql(
                        "update assistant_profile set backend_id = 'default', fallback_backends = '{}' where department_id = 'housing' and active")
                .update();
        catalog.refresh();
    }

    @Test
    void departmentsWhoseBackendIsUpAreAvailableAndASwitchedOffOneSaysWhy() {
        jdbc.sql("update department set active = false where id = 'transport'").update();
        catalog.refresh();
        try {
            var departments = citizen.get("/api/v1/departments").json();
            for (var department : departments) {
                var id = department.get("id").asString();
                assertThat(department.get("available").asBoolean()).as(id).isEqualTo(!id.equals("transport"));
                assertThat(department.path("unavailableReason").isNull()).as(id).isEqualTo(!id.equals("transport"));
            }
            assertThat(citizen.get("/api/v1/departments/transport")
                            .json()
                            .get("unavailableReason")
                            .asString())
                    .isEqualTo("switched-off");
        } finally {
            jdbc.sql("update department set active = true where id = 'transport'")
                    .update();
            catalog.refresh();
        }
    }

    @Test
    void streamsTheAnswerAndStoresItCompleteWithUsageAndTimings() {
        primary.enqueue(FakeScript.answer("Public", " rental", " housing", " needs", " an", " application."));
        try (var stream = citizen.ask(conversation, "How do I apply for public rental housing?")) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            var events = stream.drain();

            var start = events.getFirst();
            assertThat(start.name()).isEqualTo("start");
            assertThat(start.text("language")).isEqualTo("en");
            var done = events.getLast();
            assertThat(done.name()).isEqualTo("done");
            assertThat(done.text("status")).isEqualTo("COMPLETE");
            assertThat(stream.text()).isEqualTo("Public rental housing needs an application.");
            assertThat(done.id()).isEqualTo(String.valueOf(stream.text().length()));
            assertThat(events).allSatisfy(e -> assertThat(e.id()).isNotBlank());

            var answer = row(UUID.fromString(start.text("assistantMessageId")));
            assertThat(answer.get("status")).isEqualTo("COMPLETE");
            assertThat(answer.get("content")).isEqualTo("Public rental housing needs an application.");
            assertThat(answer.get("role")).isEqualTo("ASSISTANT");
            assertThat(answer.get("backend")).isEqualTo("default");
            assertThat(answer.get("model")).isEqualTo("fake-model");
            assertThat(answer.get("tokens_out")).isNotNull();
            assertThat(answer.get("time_to_first_token_ms")).isNotNull();
            assertThat(answer.get("duration_ms")).isNotNull();
            assertThat(done.data().path("usage").path("tokensOut").asInt())
                    .isEqualTo((Integer) answer.get("tokens_out"));

            var question = row(UUID.fromString(start.text("userMessageId")));
            assertThat(question.get("status")).isEqualTo("COMPLETE");
            assertThat(question.get("content")).isEqualTo("How do I apply for public rental housing?");
            assertThat((Integer) question.get("seq")).isEqualTo((Integer) answer.get("seq") - 1);
        }
        var prompt = primary.lastRequest();
        assertThat(prompt.systemPrompt()).contains("Housing Department").contains("public rental housing");
        assertThat(prompt.lastUserMessage()).isEqualTo("How do I apply for public rental housing?");
    }

    @Test
    void theQuestionAndAStreamingPlaceholderAreCommittedBeforeTheModelAnswers() {
        primary.enqueue(FakeScript.answer("Late", " answer").firstTokenDelay(Duration.ofMillis(1500)));
        try (var stream = citizen.ask(conversation, "Is anyone there?")) {
            var start = stream.next();
            var answerId = UUID.fromString(start.text("assistantMessageId"));
            assertThat(row(UUID.fromString(start.text("userMessageId"))).get("status"))
                    .isEqualTo("COMPLETE");
            assertThat(row(answerId).get("status")).isEqualTo("STREAMING");
            assertThat(row(answerId).get("content")).isEqualTo("");
            stream.drain();
            assertThat(row(answerId).get("status")).isEqualTo("COMPLETE");
        }
    }

    @Test
    void textIsFlushedToTheRowWhileItStreams() {
        primary.enqueue(FakeScript.tokens(30).tokenDelay(Duration.ofMillis(60)));
        try (var stream = citizen.ask(conversation, "Tell me everything")) {
            var answerId = UUID.fromString(stream.next().text("assistantMessageId"));
            stream.until(e -> e.name().equals("delta") && stream.text().length() > 40);
            await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
                var partial = (String) row(answerId).get("content");
                assertThat(partial).isNotEmpty();
                assertThat("t0 t1 t2 t3 t4 t5 t6 t7 t8 t9 t10 t11 t12")
                        .startsWith(partial.substring(0, Math.min(partial.length(), 10)));
            });
            assertThat(row(answerId).get("status")).isEqualTo("STREAMING");
            stream.drain();
        }
    }

    @Test
    void aClientThatDisconnectsDoesNotStopTheAnswer() {
        primary.enqueue(FakeScript.tokens(20).tokenDelay(Duration.ofMillis(40)));
        UUID answerId;
        try (var stream = citizen.ask(conversation, "Walk away test")) {
            answerId = UUID.fromString(stream.next().text("assistantMessageId"));
            stream.until(e -> e.name().equals("delta"));
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "COMPLETE".equals(row(answerId).get("status")));
        assertThat((String) row(answerId).get("content")).startsWith("t0 ").endsWith("t19 ");
        assertThat(primary.cancelledStreams()).isZero();
    }

    @Test
    void resumingWithLastEventIdDeliversExactlyTheRestLiveAndAfterTheEnd() {
        primary.enqueue(FakeScript.tokens(25).tokenDelay(Duration.ofMillis(40)));
        String answerId;
        String seen;
        String lastId;
        try (var stream = citizen.ask(conversation, "Resume test")) {
            answerId = stream.next().text("assistantMessageId");
            lastId = stream.until(e -> e.name().equals("delta") && stream.text().length() >= 12)
                    .id();
            seen = stream.text();
        }
        assertThat(lastId).isEqualTo(String.valueOf(seen.length()));
        try (var resumed = citizen.resume(conversation, answerId, lastId)) {
            assertThat(resumed.status()).isEqualTo(200);
            var events = resumed.drain();
            assertThat(events.getLast().name()).isEqualTo("done");
            assertThat(events).noneMatch(e -> e.name().equals("start"));
            assertThat(seen + resumed.text()).isEqualTo(expectedTokens(25));
        }
        // once finished, the same request replays the rest at once, then done
        try (var late = citizen.resume(conversation, answerId, "5")) {
            var events = late.drain();
            assertThat(late.text()).isEqualTo(expectedTokens(25).substring(5));
            assertThat(events.getLast().text("status")).isEqualTo("COMPLETE");
        }
    }

    @Test
    void tokensThatComeFasterThanTheDeltaIntervalGoOutTogetherAndNoneIsLost() {
        // 60 tokens 5 ms apart: about 0.3 s of text, at most one delta per 50 ms after the first
        primary.enqueue(FakeScript.tokens(60).tokenDelay(Duration.ofMillis(5)));
        try (var stream = citizen.ask(conversation, "Many small tokens")) {
            var events = stream.drain();
            var deltas = events.stream().filter(e -> e.name().equals("delta")).toList();
            assertThat(stream.text()).isEqualTo(expectedTokens(60));
            assertThat(deltas).hasSizeBetween(2, 20);
            var delivered = 0;
            for (var delta : deltas) {
                delivered += delta.text("text").length();
                assertThat(delta.id()).isEqualTo(String.valueOf(delivered));
            }
            assertThat(events.getLast().text("status")).isEqualTo("COMPLETE");
        }
    }

    @Test
    void textHeldBackGoesOutAfterTheIntervalEvenWhenTheModelFallsSilent() {
        // "b" comes 10 ms after "a", inside the interval, and then the model says nothing until the
        // between-tokens timeout (2 s) ends the answer: "b" must not wait for that
        primary.enqueue(FakeScript.answer("a", "b", "c")
                .firstTokenDelay(Duration.ofMillis(200))
                .tokenDelay(Duration.ofMillis(10))
                .stallAfter(2));
        try (var stream = citizen.ask(conversation, "Then silence")) {
            var first = stream.until(e -> e.name().equals("delta"));
            assertThat(first.text("text")).isEqualTo("a");
            var firstAt = System.nanoTime();
            var second = stream.next();
            var waited = Duration.ofNanos(System.nanoTime() - firstAt);
            assertThat(second.name()).isEqualTo("delta");
            assertThat(second.text("text")).isEqualTo("b");
            assertThat(waited).isLessThan(Duration.ofSeconds(1));
            var end = stream.until(e -> !e.name().equals("delta"));
            assertThat(end.name()).isEqualTo("error");
            assertThat(end.text("status")).isEqualTo("PARTIAL");
            assertThat(row(UUID.fromString(end.text("assistantMessageId"))).get("content"))
                    .isEqualTo("ab");
        }
    }

    @Test
    void aStreamWaitingForItsFirstTokenGetsKeepAlives() {
        // keep-alives every 400 ms here (15 s by default); the model takes 1.5 s to its first token
        primary.enqueue(FakeScript.answer("Finally").firstTokenDelay(Duration.ofMillis(1500)));
        try (var stream = citizen.ask(conversation, "Are you still there?")) {
            stream.until(e -> e.name().equals("delta"));
            assertThat(stream.comments()).isBetween(2, 5);
            var done = stream.until(e -> e.name().equals("done"));
            assertThat(done.text("status")).isEqualTo("COMPLETE");
        }
    }

    @Test
    void tokensSlowerThanTheDeltaIntervalEachGoOutAsTheyCome() {
        primary.enqueue(FakeScript.tokens(5).tokenDelay(Duration.ofMillis(250)));
        try (var stream = citizen.ask(conversation, "Few slow tokens")) {
            var deltas = stream.drain().stream()
                    .filter(e -> e.name().equals("delta"))
                    .map(e -> e.text("text"))
                    .toList();
            assertThat(deltas).containsExactly("t0 ", "t1 ", "t2 ", "t3 ", "t4 ");
        }
    }

    @Test
    void resumingSomeoneElsesAnswerIs404() {
        primary.enqueue(FakeScript.answer("mine"));
        String answerId;
        try (var stream = citizen.ask(conversation, "Private question")) {
            answerId = stream.next().text("assistantMessageId");
            stream.drain();
        }
        try (var stranger = new CitizenClient(port).resume(conversation, answerId, null)) {
            assertThat(stranger.status()).isEqualTo(404);
        }
    }

    @Test
    void cancelStopsTheModelAndKeepsThePartialTextAsCancelled() {
        primary.enqueue(FakeScript.tokens(200).tokenDelay(Duration.ofMillis(50)));
        try (var stream = citizen.ask(conversation, "Long answer please")) {
            var answerId = stream.next().text("assistantMessageId");
            stream.until(e -> e.name().equals("delta") && stream.text().length() > 6);

            var cancel = citizen.post(
                    "/api/v1/conversations/" + conversation + "/messages/" + answerId + "/cancel", Map.of());
            assertThat(cancel.status()).isEqualTo(202);

            var end = stream.until(e -> e.name().equals("done") || e.name().equals("error"));
            assertThat(end.name()).isEqualTo("done");
            assertThat(end.text("status")).isEqualTo("CANCELLED");
            var stored = row(UUID.fromString(answerId));
            assertThat(stored.get("status")).isEqualTo("CANCELLED");
            assertThat((String) stored.get("content")).isEqualTo(stream.text()).isNotEmpty();
            assertThat(stream.text()).doesNotContain("t199");
        }
        assertThat(FakeModelServer.await(primary::cancelledStreams, 1, Duration.ofSeconds(3)))
                .as("the backend saw the request go away")
                .isTrue();
    }

    @Test
    void withAcceptJsonThePostWaitsAndReturnsTheFinishedAnswer() {
        primary.enqueue(FakeScript.answer("Forty", "-two."));
        var reply = citizen.post("/api/v1/conversations/" + conversation + "/messages", Map.of("content", "Meaning?"));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("role").asString()).isEqualTo("ASSISTANT");
        assertThat(reply.json().get("status").asString()).isEqualTo("COMPLETE");
        assertThat(reply.json().get("content").asString()).isEqualTo("Forty-two.");
    }

    @Test
    void http500BeforeTheFirstTokenFailsOverToTheNextBackend() {
        jdbc.sql(
                        "update assistant_profile set fallback_backends = '{local-ollama}' where department_id = 'housing' and active")
                .update();
        catalog.refresh();
        primary.enqueue(FakeScript.httpError(500, "model crashed"));
        fallback.enqueue(FakeScript.answer("Answer", " from", " the", " fallback."));
        try (var stream = citizen.ask(conversation, "Fail over please")) {
            var events = stream.drain();
            assertThat(events.getLast().name()).isEqualTo("done");
            assertThat(stream.text()).isEqualTo("Answer from the fallback.");
            var stored = row(UUID.fromString(events.getFirst().text("assistantMessageId")));
            assertThat(stored.get("status")).isEqualTo("COMPLETE");
            assertThat(stored.get("backend")).isEqualTo("local-ollama");
            assertThat(stored.get("model")).isEqualTo("qwen2.5:0.5b");
        }
        assertThat(fallback.lastRequest().lastUserMessage()).isEqualTo("Fail over please");
    }

    @Test
    void aDisconnectMidStreamEndsPartialWithTheTextSoFarAndATranslatedError() {
        jdbc.sql(
                        "update assistant_profile set fallback_backends = '{local-ollama}' where department_id = 'housing' and active")
                .update();
        catalog.refresh();
        primary.enqueue(FakeScript.answer("公屋", "申請", "需要", "填表", "。")
                .tokenDelay(Duration.ofMillis(20))
                .disconnectAfter(3));
        try (var stream = citizen.language("zh-HK").ask(conversation, "我想申請公屋，要點做？")) {
            var events = stream.drain();
            var error = events.getLast();
            assertThat(error.name()).isEqualTo("error");
            assertThat(error.text("status")).isEqualTo("PARTIAL");
            assertThat(error.data().path("problem").path("type").asString()).isEqualTo("/problems/answer-interrupted");
            assertThat(error.data().path("problem").path("detail").asString()).contains("回答中斷");
            assertThat(stream.text()).isEqualTo("公屋申請需要");
            var stored = row(UUID.fromString(events.getFirst().text("assistantMessageId")));
            assertThat(stored.get("status")).isEqualTo("PARTIAL");
            assertThat(stored.get("content")).isEqualTo("公屋申請需要");
            assertThat(fallback.requests())
                    .as("no failover after the first token")
                    .isEmpty();
        }
    }

    @Test
    void aBackendThatHangsBeforeTheFirstTokenEndsFailedWithAssistantUnavailable() {
        primary.enqueue(FakeScript.answer("never").hangBeforeFirstToken());
        try (var stream = citizen.ask(conversation, "Hello?")) {
            var events = stream.drain();
            var error = events.getLast();
            assertThat(error.name()).isEqualTo("error");
            assertThat(error.text("status")).isEqualTo("FAILED");
            assertThat(error.data().path("problem").path("type").asString())
                    .isEqualTo("/problems/assistant-unavailable");
            var stored = row(UUID.fromString(events.getFirst().text("assistantMessageId")));
            assertThat(stored.get("status")).isEqualTo("FAILED");
            assertThat(stored.get("content")).isEqualTo("");
            assertThat(stored.get("error_type")).isEqualTo("first-token-timeout");
        }
    }

    @Test
    void aMalformedChunkMidStreamNeverLeavesTheAnswerStreaming() {
        primary.enqueue(FakeScript.answer("one", " two", " three", " four")
                .tokenDelay(Duration.ofMillis(20))
                .malformedChunkAfter(2));
        try (var stream = citizen.ask(conversation, "Garbage test")) {
            var events = stream.drain();
            var end = events.getLast();
            assertThat(end.name()).isIn("done", "error");
            var stored = row(UUID.fromString(events.getFirst().text("assistantMessageId")));
            assertThat(stored.get("status")).isIn("COMPLETE", "PARTIAL");
            assertThat(stored.get("content")).isEqualTo(stream.text());
        }
    }

    /** Points the department at a one-slot backend and starts a slow answer there; returns it streaming. */
    private CitizenClient.Stream holdTheOnlySlotOf(String backendId) {
        jdbc.sql("update assistant_profile set backend_id = ? where department_id = 'housing' and active")
                .param(backendId)
                .update();
        catalog.refresh();
        narrow.respondByDefault(FakeScript.tokens(20).tokenDelay(Duration.ofMillis(50)));
        var first = citizen.ask(conversation, "first");
        first.until(e -> e.name().equals("delta"));
        return first;
    }

    @Test
    void aFullQueueAnswers503WithRetryAfterAndTheWaitingClientSeesItsPosition() {
        var first = holdTheOnlySlotOf("narrow");
        var other = new CitizenClient(port);
        var second = other.ask(other.startConversation("housing"), "second");
        var third = new CitizenClient(port);
        var thirdConversation = third.startConversation("housing");
        try (first;
                second) {
            var queued = second.until(e -> e.name().equals("queued"));
            assertThat(queued.data().get("position").asInt()).isEqualTo(1);

            var refused =
                    third.post("/api/v1/conversations/" + thirdConversation + "/messages", Map.of("content", "third"));
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isNotBlank();
            assertThat(refused.json().get("type").asString()).isEqualTo("/problems/backend-queue-full");
            assertThat(jdbc.sql("select status from message where conversation_id = ? and role = 'ASSISTANT'")
                            .param(UUID.fromString(thirdConversation))
                            .query(String.class)
                            .single())
                    .isEqualTo("FAILED");

            assertThat(second.drain().getLast().text("status")).isEqualTo("COMPLETE");
            assertThat(first.drain().getLast().text("status")).isEqualTo("COMPLETE");
        }
    }

    @Test
    void aQuestionThatWaitsInTheQueueLongerThanAllowedEndsFailedWithATranslatedError() {
        var first = holdTheOnlySlotOf("hurried");
        var other = new CitizenClient(port);
        try (first;
                var second = other.ask(other.startConversation("housing"), "second")) {
            var events = second.drain();

            assertThat(events).extracting(e -> e.name()).contains("queued").doesNotContain("delta");
            var error = events.getLast();
            assertThat(error.name()).isEqualTo("error");
            assertThat(error.text("status")).isEqualTo("FAILED");
            assertThat(error.data().path("problem").path("type").asString())
                    .isEqualTo("/problems/assistant-unavailable");
            assertThat(error.data().path("problem").path("cause").asString()).isEqualTo("queue-timeout");
            var stored = row(UUID.fromString(events.getFirst().text("assistantMessageId")));
            assertThat(stored.get("status")).isEqualTo("FAILED");
            assertThat(stored.get("content")).isEqualTo("");
            assertThat(stored.get("error_type")).isEqualTo("queue-timeout");
            assertThat(first.drain().getLast().text("status")).isEqualTo("COMPLETE");
        }
    }

    @Test
    void reasoningIsStoredApartAndNeverStreamedToTheCitizen() {
        primary.enqueue(FakeScript.answer("The", " fee", " is", " listed", " online.")
                .reasoning("The user", " asks about", " fees.")
                .reasoningStyle(FakeScript.ReasoningStyle.THINK_TAGS));
        try (var stream = citizen.ask(conversation, "What is the fee?")) {
            var events = stream.drain();
            assertThat(stream.text()).isEqualTo("The fee is listed online.").doesNotContain("think");
            var stored = row(UUID.fromString(events.getFirst().text("assistantMessageId")));
            assertThat(stored.get("content")).isEqualTo("The fee is listed online.");
            assertThat((String) stored.get("reasoning")).contains("The user asks about fees.");
        }
        var history = citizen.get("/api/v1/conversations/" + conversation + "/messages")
                .body();
        assertThat(history).doesNotContain("asks about");
    }

    @Test
    void theNextQuestionCarriesTheConversationSoFarAsMemory() {
        primary.enqueue(FakeScript.answer("You need form HD1."));
        try (var stream = citizen.ask(conversation, "Which form do I need?")) {
            stream.drain();
        }
        primary.enqueue(FakeScript.answer("Yes, online."));
        try (var stream = citizen.ask(conversation, "Can I submit it online?")) {
            stream.drain();
        }
        var messages = primary.lastRequest().messages();
        assertThat(messages)
                .extracting(m -> m.role() + ":" + m.content())
                .endsWith("user:Which form do I need?", "assistant:You need form HD1.", "user:Can I submit it online?");
    }

    @Test
    void aSecondQuestionWhileTheFirstIsStreamingIsRefusedWith409() {
        primary.enqueue(FakeScript.tokens(10).tokenDelay(Duration.ofMillis(50)));
        try (var stream = citizen.ask(conversation, "first")) {
            stream.next();
            var second =
                    citizen.post("/api/v1/conversations/" + conversation + "/messages", Map.of("content", "second"));
            assertThat(second.status()).isEqualTo(409);
            stream.drain();
        }
    }

    @Test
    void erasingAConversationWhileItsAnswerStreamsStopsTheGeneration() {
        primary.enqueue(FakeScript.tokens(200).tokenDelay(Duration.ofMillis(50)));
        try (var stream = citizen.ask(conversation, "erase me")) {
            stream.until(e -> e.name().equals("delta"));
            assertThat(citizen.delete("/api/v1/conversations/" + conversation).status())
                    .isEqualTo(204);
            assertThat(FakeModelServer.await(primary::cancelledStreams, 1, Duration.ofSeconds(3)))
                    .isTrue();
        }
        assertThat(jdbc.sql("select count(*) from message where conversation_id = ?")
                        .param(UUID.fromString(conversation))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aSimplifiedQuestionGetsASimplifiedAnswerEvenWhenTheModelWritesTraditional() {
        primary.enqueue(FakeScript.answer("申請", "公共", "房屋", "需要", "填寫", "表格，", "並", "遞交", "證明", "文件。"));
        try (var stream = citizen.ask(conversation, "我想申请公共房屋，需要准备什么文件？")) {
            var events = stream.drain();
            assertThat(events.getFirst().text("language")).isEqualTo("zh-Hans");
            assertThat(stream.text()).isEqualTo("申请公共房屋需要填写表格，并递交证明文件。");
            var stored = row(UUID.fromString(events.getFirst().text("assistantMessageId")));
            assertThat(stored.get("content")).isEqualTo(stream.text());
            assertThat(stored.get("language")).isEqualTo("zh-Hans");
        }
        assertThat(primary.lastRequest().systemPrompt()).contains("简体");
    }

    @Test
    void aCantoneseQuestionGetsATraditionalAnswerEvenWhenTheModelWritesSimplified() {
        primary.enqueue(FakeScript.answer("你", "可以", "网上", "申请，", "记得", "带", "身份证", "副本。"));
        try (var stream = citizen.ask(conversation, "我想申請公屋，要點樣做先得？")) {
            var events = stream.drain();
            assertThat(events.getFirst().text("language")).isEqualTo("yue-Hant");
            assertThat(stream.text()).isEqualTo("你可以網上申請，記得帶身份證副本。");
            var stored = row(UUID.fromString(events.getFirst().text("assistantMessageId")));
            assertThat(stored.get("content")).isEqualTo(stream.text());
        }
    }

    private static String expectedTokens(int count) {
        var text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append('t').append(i).append(' ');
        }
        return text.toString();
    }

    private Map<String, Object> row(UUID messageId) {
        return jdbc.sql("select * from message where id = ?")
                .param(messageId)
                .query()
                .singleRow();
    }
}
