package org.govchat.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.govchat.model.fake.FakeOpenAiServer;
import org.govchat.model.fake.FakeScript;
import org.govchat.platform.i18n.CitizenLocales;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.endpoint.health.show-details=always")
@AutoConfigureRestTestClient
@Import(ModelHealthTests.BusyEndpoint.class)
class ModelHealthTests {

    /** Stands in for the chat endpoint, which lets {@link BackendQueueFull} out of {@code generate}. */
    @RestController
    static class BusyEndpoint {
        @GetMapping("/test/busy")
        String busy() {
            throw new BackendQueueFull("flaky", java.time.Duration.ofSeconds(7));
        }
    }

    static final FakeOpenAiServer flaky = new FakeOpenAiServer();

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("govchat.backends.flaky.type", () -> "openai-compatible");
        registry.add("govchat.backends.flaky.base-url", flaky::baseUrl);
        registry.add("govchat.backends.flaky.default-model", () -> "fake-model");
    }

    @AfterAll
    static void stop() {
        flaky.close();
    }

    @Autowired
    RestTestClient http;

    @Autowired
    ModelGateway gateway;

    @Autowired
    MessageSource messages;

    @Test
    void anOpenCircuitAndAMissingModelShowInHealthButNotInReadiness() {
        flaky.respondByDefault(FakeScript.httpError(500, "overloaded"));
        for (int i = 0; i < 5; i++) {
            var listener = new RecordingListener();
            gateway.generate(
                    new GenerationRequest(
                            List.of(new BackendChoice("flaky", null)), List.of(ChatTurn.user("hi")), 0.2, 32),
                    listener);
            listener.awaitEnd();
        }

        http.get()
                .uri("/actuator/health")
                .exchange()
                .expectBody()
                .jsonPath("$.components.modelBackends.components.flaky.status")
                .isEqualTo("OUT_OF_SERVICE")
                .jsonPath("$.components.modelBackends.components.flaky.details.circuitBreaker")
                .isEqualTo("OPEN")
                .jsonPath("$.components.modelBackends.components.flaky.details.type")
                .isEqualTo("OPENAI_COMPATIBLE")
                .jsonPath("$.components.modelBackends.components.default.status")
                .isEqualTo("DOWN")
                .jsonPath("$.components.modelBackends.components.default.details.reason")
                .value(String.class, reason -> assertThat(reason).contains("no-model-in-tests"));

        http.get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP")
                .jsonPath("$.components.modelBackends")
                .doesNotExist();

        assertThat(gateway.backends())
                .extracting(BackendStatus::id, BackendStatus::state)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("flaky", BackendStatus.State.CIRCUIT_OPEN),
                        org.assertj.core.groups.Tuple.tuple("default", BackendStatus.State.DOWN));
    }

    @Test
    void aFullQueueReachesTheCitizenAs503ProblemWithRetryAfterInTheirLanguage() {
        http.get()
                .uri("/test/busy")
                .header("Accept-Language", "zh-HK")
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .valueEquals("Retry-After", "7")
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/backend-queue-full")
                .jsonPath("$.detail")
                .isEqualTo("助理現時繁忙，請稍後再試。");
    }

    @Test
    void theQueueFullMessageIsTranslatedIntoAllThreeLanguages() {
        var full = new BackendQueueFull("flaky", java.time.Duration.ofSeconds(7));

        assertThat(full.updateAndGetBody(messages, CitizenLocales.ENGLISH).getDetail())
                .isEqualTo("The assistant is busy right now. Please try again in a little while.");
        assertThat(full.updateAndGetBody(messages, CitizenLocales.TRADITIONAL_CHINESE)
                        .getDetail())
                .isEqualTo("助理現時繁忙，請稍後再試。");
        assertThat(full.updateAndGetBody(messages, CitizenLocales.SIMPLIFIED_CHINESE)
                        .getDetail())
                .isEqualTo("助理现在繁忙，请稍后再试。");
        assertThat(full.getHeaders().getFirst("Retry-After")).isEqualTo("7");
    }
}
