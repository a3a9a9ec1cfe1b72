package org.govchat.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govchat.support.MockSignInProvider.TestOfficer.withGroups;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.govchat.model.fake.FakeModelServer;
import org.govchat.model.fake.FakeScript;
import org.govchat.support.CitizenClient;
import org.govchat.support.MockSignInProvider;
import org.govchat.support.MockSignInProvider.TestOfficer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The playground runs an unsaved profile on its backend and streams the answer; it writes no conversation
 * and no message, and stops the generation when the admin leaves.
 */
@AdminConsoleTest
class PlaygroundApiTests {

    static final TestOfficer ADMIN = withGroups("imm-play-admin", "/departments/immigration/admins");
    static final String PLAYGROUND = "/api/v1/admin/departments/immigration/playground";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    CitizenClient admin;

    @BeforeEach
    void signIn() {
        AdminTestBackends.PRIMARY.reset();
        AdminTestBackends.SPARE.reset();
        admin = new CitizenClient(port);
        MockSignInProvider.signIn(admin, ADMIN);
    }

    Map<String, Object> draft(String prompt, String backend, String model, List<String> fallbacks) {
        var profile = new LinkedHashMap<String, Object>();
        profile.put("systemPrompt", prompt);
        profile.put("backendId", backend);
        profile.put("model", model);
        profile.put("fallbackBackends", fallbacks);
        profile.put("temperature", 0.2);
        profile.put("maxOutputTokens", 256);
        profile.put("memoryMessages", 10);
        profile.put("greeting", Map.of("en", "Hi", "zh-Hant", "你好", "zh-Hans", "你好"));
        profile.put("handoffEnabled", false);
        return profile;
    }

    long rows(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    @Test
    void aDraftAnswersByStreamingWithoutStoringAnything() {
        var conversations = rows("conversation");
        var messages = rows("message");
        AdminTestBackends.PRIMARY.enqueue(FakeScript.answer("請", "帶同", "身份證", "。"));
        try (var stream = admin.postStream(
                PLAYGROUND,
                Map.of(
                        "profile",
                        draft(
                                "You answer for the Immigration Department. DRAFT-42",
                                "default",
                                "fake-large",
                                List.of()),
                        "question",
                        "續領護照要帶甚麼？"))) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            var events = stream.drain();
            assertThat(events.getFirst().name()).isEqualTo("start");
            assertThat(events.getFirst().text("language")).isEqualTo("zh-Hant");
            assertThat(events).anySatisfy(e -> {
                assertThat(e.name()).isEqualTo("attempt");
                assertThat(e.text("model")).isEqualTo("fake-large");
            });
            assertThat(stream.text()).isEqualTo("請帶同身份證。");
            var done = events.getLast();
            assertThat(done.name()).isEqualTo("done");
            assertThat(done.text("status")).isEqualTo("COMPLETE");
            assertThat(done.text("backend")).isEqualTo("default");
            assertThat(done.data().get("usage").get("tokensOut").asInt()).isPositive();
        }
        var prompt = AdminTestBackends.PRIMARY.lastRequest();
        assertThat(prompt.systemPrompt()).contains("DRAFT-42");
        assertThat(prompt.lastUserMessage()).isEqualTo("續領護照要帶甚麼？");
        assertThat(rows("conversation")).isEqualTo(conversations);
        assertThat(rows("message")).isEqualTo(messages);
        assertThat(jdbc.sql(
                                "select count(*) from audit_event where action = 'PLAYGROUND_RUN' and actor = 'imm-play-admin'")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void aFailingBackendFallsBackAsForCitizensAndAFailureIsAnErrorEvent() {
        AdminTestBackends.PRIMARY.enqueue(FakeScript.httpError(500, "boom"));
        try (var stream = admin.postStream(
                PLAYGROUND,
                Map.of("profile", draft("Prompt", "default", null, List.of("spare")), "question", "Hello?"))) {
            var events = stream.drain();
            assertThat(events.getLast().name()).isEqualTo("done");
            assertThat(events.getLast().text("backend")).isEqualTo("spare");
        }
        AdminTestBackends.PRIMARY.enqueue(FakeScript.httpError(500, "boom"));
        try (var stream = admin.postStream(
                PLAYGROUND, Map.of("profile", draft("Prompt", "default", null, List.of()), "question", "Hello?"))) {
            var last = stream.drain().getLast();
            assertThat(last.name()).isEqualTo("error");
            assertThat(last.text("status")).isEqualTo("FAILED");
            assertThat(last.text("cause")).isEqualTo("backend-error");
        }
    }

    @Test
    void leavingThePlaygroundStopsTheGeneration() {
        AdminTestBackends.PRIMARY.enqueue(FakeScript.tokens(200).tokenDelay(Duration.ofMillis(50)));
        try (var stream = admin.postStream(
                PLAYGROUND,
                Map.of("profile", draft("Prompt", "default", null, List.of()), "question", "Tell me a lot"))) {
            stream.until(e -> e.name().equals("delta"));
        }
        assertThat(FakeModelServer.await(AdminTestBackends.PRIMARY::cancelledStreams, 1, Duration.ofSeconds(10)))
                .as("the model server saw the request go")
                .isTrue();
    }

    @Test
    void anInvalidDraftOrQuestionIs400AndAnotherDepartmentIs404() {
        var unknown = admin.language("zh-HK")
                .post(PLAYGROUND, Map.of("profile", draft("Prompt", "cloud", null, List.of()), "question", "Hi"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("type").asString()).isEqualTo("/problems/invalid-settings");
        assertThat(unknown.body()).contains("沒有名為「cloud」的模型後端。");
        try (var refused = admin.postStream(
                PLAYGROUND,
                Map.of("profile", draft("Prompt", "default", null, List.of("nowhere")), "question", "Hi"))) {
            assertThat(refused.status())
                    .as("refused before streaming, whatever the client accepts")
                    .isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        var empty =
                admin.post(PLAYGROUND, Map.of("profile", draft("Prompt", "default", null, List.of()), "question", " "));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("type").asString()).isEqualTo("/problems/invalid-playground-question");
        var other = admin.post(
                "/api/v1/admin/departments/transport/playground",
                Map.of("profile", draft("Prompt", "default", null, List.of()), "question", "Hi"));
        assertThat(other.status()).isEqualTo(404);
        assertThat(AdminTestBackends.PRIMARY.requests()).isEmpty();
    }
}
