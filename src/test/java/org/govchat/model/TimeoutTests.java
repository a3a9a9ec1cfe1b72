package org.govchat.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.govchat.model.GenerationFailure.Kind;
import org.govchat.model.fake.FakeModelServer;
import org.govchat.model.fake.FakeOpenAiServer;
import org.govchat.model.fake.FakeScript;
import org.junit.jupiter.api.Test;

class TimeoutTests {

    @Test
    void aBackendFallingSilentAfterTheFirstTokensFailsAsStalledWithTheTextSoFar() {
        try (var server = new FakeOpenAiServer();
                var backends = TestBackends.of(
                        "gpu",
                        TestBackends.openAi(server.baseUrl())
                                .betweenTokensTimeout(Duration.ofMillis(300))
                                .build())) {
            server.enqueue(
                    FakeScript.answer("Two", " words", " then", " silence").stallAfter(2));

            var listener = backends.generate("hello", "gpu").awaitEnd();

            assertThat(listener.failure.kind()).isEqualTo(Kind.STALLED);
            assertThat(listener.failure.afterFirstToken()).isTrue();
            assertThat(listener.answer()).isEqualTo("Two words");
            assertThat(FakeModelServer.await(server::cancelledStreams, 1, Duration.ofSeconds(3)))
                    .as("the stalled stream is closed")
                    .isTrue();
            assertThat(backends.status("gpu").inFlight()).isZero();
        }
    }

    @Test
    void slowButSteadyTokensAreNotAStall() {
        try (var server = new FakeOpenAiServer();
                var backends = TestBackends.of(
                        "gpu",
                        TestBackends.openAi(server.baseUrl())
                                .betweenTokensTimeout(Duration.ofMillis(500))
                                .build())) {
            server.enqueue(FakeScript.answer("slow", " but", " sure").tokenDelay(Duration.ofMillis(200)));

            var listener = backends.generate("hello", "gpu").awaitEnd();

            assertThat(listener.failure).isNull();
            assertThat(listener.answer()).isEqualTo("slow but sure");
        }
    }

    @Test
    void aGenerationLongerThanTheTotalTimeoutIsEndedWithTheTextSoFar() {
        try (var server = new FakeOpenAiServer();
                var backends = TestBackends.of(
                        "gpu",
                        TestBackends.openAi(server.baseUrl())
                                .totalTimeout(Duration.ofMillis(700))
                                .build())) {
            server.enqueue(FakeScript.tokens(100).tokenDelay(Duration.ofMillis(50)));

            long start = System.nanoTime();
            var listener = backends.generate("tell me everything", "gpu").awaitEnd();

            assertThat(listener.failure.kind()).isEqualTo(Kind.TOTAL_TIMEOUT);
            assertThat(listener.failure.afterFirstToken()).isTrue();
            assertThat(listener.answerTokens).isBetween(3, 30);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            assertThat(FakeModelServer.await(server::cancelledStreams, 1, Duration.ofSeconds(3)))
                    .isTrue();
        }
    }

    @Test
    void aFirstTokenThatComesTooLateOnTheOnlyBackendFailsAsFirstTokenTimeout() {
        try (var server = new FakeOpenAiServer();
                var backends = TestBackends.of(
                        "gpu",
                        TestBackends.openAi(server.baseUrl())
                                .firstTokenTimeout(Duration.ofMillis(300))
                                .build())) {
            server.enqueue(FakeScript.answer("late").firstTokenDelay(Duration.ofSeconds(5)));

            var listener = backends.generate("hello", "gpu").awaitEnd(Duration.ofSeconds(3));

            assertThat(listener.failure.kind()).isEqualTo(Kind.FIRST_TOKEN_TIMEOUT);
            assertThat(listener.failure.afterFirstToken()).isFalse();
            assertThat(FakeModelServer.await(server::cancelledStreams, 1, Duration.ofSeconds(3)))
                    .isTrue();
        }
    }

    @Test
    void theTotalTimeoutCoversTheWholeGenerationFailoverIncluded() {
        try (var first = new FakeOpenAiServer();
                var second = new FakeOpenAiServer()) {
            first.enqueue(FakeScript.answer("warm"), FakeScript.answer("never").hangBeforeFirstToken());
            second.enqueue(FakeScript.answer("warm"), FakeScript.tokens(100).tokenDelay(Duration.ofMillis(50)));
            var configured = new java.util.LinkedHashMap<String, ModelProperties.Backend>();
            configured.put(
                    "first",
                    TestBackends.openAi(first.baseUrl())
                            .firstTokenTimeout(Duration.ofMillis(600))
                            .totalTimeout(Duration.ofMillis(1200))
                            .build());
            configured.put(
                    "second",
                    TestBackends.openAi(second.baseUrl())
                            .totalTimeout(Duration.ofMillis(1200))
                            .build());
            try (var backends = TestBackends.of(configured)) {
                backends.generate("warm up", "first").awaitEnd();
                backends.generate("warm up", "second").awaitEnd();

                long start = System.nanoTime();
                var listener = backends.generate("hello", "first", "second").awaitEnd();
                var took = Duration.ofNanos(System.nanoTime() - start);

                assertThat(listener.attempts).containsExactly("first", "second");
                assertThat(listener.failure.kind()).isEqualTo(Kind.TOTAL_TIMEOUT);
                assertThat(listener.failure.afterFirstToken()).isTrue();
                assertThat(took).isBetween(Duration.ofMillis(1100), Duration.ofMillis(2500));
                assertThat(listener.answerTokens).isBetween(3, 20);
            }
        }
    }
}
