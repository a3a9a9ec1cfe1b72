package org.govchat.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import org.govchat.model.GenerationFailure.Kind;
import org.govchat.model.fake.FakeModelServer;
import org.govchat.model.fake.FakeOllamaServer;
import org.govchat.model.fake.FakeOpenAiServer;
import org.govchat.model.fake.FakeScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FailoverTests {

    private final FakeOpenAiServer first = new FakeOpenAiServer();
    private final FakeOpenAiServer second = new FakeOpenAiServer();

    @AfterEach
    void stopServers() {
        first.close();
        second.close();
    }

    private TestBackends twoBackends(TestBackends.Spec firstSpec) {
        var backends = new LinkedHashMap<String, ModelProperties.Backend>();
        backends.put("first", firstSpec.build());
        backends.put("second", TestBackends.openAi(second.baseUrl()).build());
        return TestBackends.of(backends);
    }

    @Test
    void failsOverToTheNextBackendWhenTheFirstAnswersHttp500() {
        first.enqueue(FakeScript.httpError(500, "CUDA out of memory"));
        second.enqueue(FakeScript.answer("Fine", " here."));
        try (var backends = twoBackends(TestBackends.openAi(first.baseUrl()))) {
            var listener = backends.generate("hello", "first", "second").awaitEnd();

            assertThat(listener.attempts).containsExactly("first", "second");
            assertThat(listener.answer()).isEqualTo("Fine here.");
            assertThat(listener.result.backendId()).isEqualTo("second");
            assertThat(second.lastRequest().lastUserMessage()).isEqualTo("hello");
        }
    }

    @Test
    void failsOverWhenTheFirstBackendRefusesConnections() throws Exception {
        int deadPort;
        try (var socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        second.enqueue(FakeScript.answer("Up."));
        try (var backends = twoBackends(TestBackends.openAi("http://127.0.0.1:" + deadPort + "/v1"))) {
            var listener = backends.generate("hello", "first", "second").awaitEnd();

            assertThat(listener.answer()).isEqualTo("Up.");
            assertThat(listener.result.backendId()).isEqualTo("second");
            assertThat(FakeModelServer.await(
                            () -> backends.status("first").state() == BackendStatus.State.DOWN ? 1 : 0,
                            1,
                            Duration.ofSeconds(5)))
                    .as("a refused connection marks the backend DOWN")
                    .isTrue();
            assertThat(backends.gateway.isUsable("first")).isFalse();
        }
    }

    @Test
    void failsOverWhenTheFirstBackendHangsBeforeTheFirstTokenAndClosesThatConnection() {
        first.enqueue(FakeScript.answer("warm"), FakeScript.answer("never").hangBeforeFirstToken());
        second.enqueue(FakeScript.answer("Quick."));
        try (var backends =
                twoBackends(TestBackends.openAi(first.baseUrl()).firstTokenTimeout(Duration.ofMillis(1500)))) {
            backends.generate("warm up", "first").awaitEnd();
            long start = System.nanoTime();
            var listener = backends.generate("hello", "first", "second").awaitEnd();

            assertThat(listener.answer()).isEqualTo("Quick.");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            assertThat(first.requests())
                    .as("the hung request reached the server")
                    .hasSize(2);
            assertThat(FakeModelServer.await(first::cancelledStreams, 1, Duration.ofSeconds(3)))
                    .as("the hung request's connection is closed")
                    .isTrue();
            assertThat(first.openStreams()).isZero();
        }
    }

    @Test
    void failsOverWhenTheFirstBackendSendsNoHeadersAtAll() {
        first.enqueue(FakeScript.answer("warm"), FakeScript.answer("never").hangBeforeHeaders());
        second.enqueue(FakeScript.answer("Quick."));
        try (var backends =
                twoBackends(TestBackends.openAi(first.baseUrl()).firstTokenTimeout(Duration.ofMillis(1500)))) {
            backends.generate("warm up", "first").awaitEnd();
            var listener = backends.generate("hello", "first", "second").awaitEnd();

            assertThat(listener.answer()).isEqualTo("Quick.");
            assertThat(first.requests())
                    .as("the hung request reached the server")
                    .hasSize(2);
            assertThat(FakeModelServer.await(first::cancelledStreams, 1, Duration.ofSeconds(3)))
                    .as("the request without an answer is abandoned, its connection closed")
                    .isTrue();
        }
    }

    @Test
    void failsOverWhenTheFirstBackendDropsTheStreamBeforeAnyAnswerToken() {
        first.enqueue(FakeScript.answer("lost").disconnectAfter(0));
        second.enqueue(FakeScript.answer("Second."));
        try (var backends = twoBackends(TestBackends.openAi(first.baseUrl()))) {
            var listener = backends.generate("hello", "first", "second").awaitEnd();

            assertThat(listener.answer()).isEqualTo("Second.");
            assertThat(listener.attempts).containsExactly("first", "second");
        }
    }

    @Test
    void failsOverWhenAMalformedChunkArrivesBeforeTheAnswer() {
        first.enqueue(FakeScript.answer("a", "b").malformedChunkAfter(0));
        second.enqueue(FakeScript.answer("Clean."));
        try (var backends = twoBackends(TestBackends.openAi(first.baseUrl()))) {
            var listener = backends.generate("hello", "first", "second").awaitEnd();

            assertThat(listener.answer()).isEqualTo("Clean.");
            assertThat(listener.result.backendId()).isEqualTo("second");
        }
    }

    @Test
    void reasoningOfAFailedAttemptIsDroppedAndFailoverStillHappens() {
        first.enqueue(FakeScript.answer("never")
                .reasoning("Let me", " think")
                .tokenDelay(Duration.ofMillis(20))
                .disconnectAfter(2));
        second.enqueue(FakeScript.answer("Answer.").reasoning("Fresh", " thought"));
        try (var backends = twoBackends(TestBackends.openAi(first.baseUrl()))) {
            var listener = backends.generate("hello", "first", "second").awaitEnd();

            assertThat(listener.result.backendId()).isEqualTo("second");
            assertThat(listener.reasoning()).isEqualTo("Fresh thought");
            assertThat(listener.answer()).isEqualTo("Answer.");
        }
    }

    @Test
    void aStreamDroppedAfterTheFirstTokenFailsWithTheTextSoFarAndNoFailover() {
        first.enqueue(FakeScript.answer("Part", " one", " and", " more")
                .tokenDelay(Duration.ofMillis(20))
                .disconnectAfter(2));
        try (var backends = twoBackends(TestBackends.openAi(first.baseUrl()))) {
            var listener = backends.generate("hello", "first", "second").awaitEnd();

            assertThat(listener.failure).as(listener.events.toString()).isNotNull();
            assertThat(listener.failure.kind()).isEqualTo(Kind.BACKEND_ERROR);
            assertThat(listener.failure.afterFirstToken()).isTrue();
            assertThat(listener.failure.backendId()).isEqualTo("first");
            assertThat(listener.answer()).isEqualTo("Part one");
            assertThat(second.requests()).isEmpty();
        }
    }

    @Test
    void anErrorEventInsideTheStreamAfterTheFirstTokenFailsWithTheTextSoFar() {
        first.enqueue(FakeScript.answer("Half", " an", " answer")
                .tokenDelay(Duration.ofMillis(20))
                .errorAfter(2, "slot crashed"));
        try (var backends = twoBackends(TestBackends.openAi(first.baseUrl()))) {
            var listener = backends.generate("hello", "first", "second").awaitEnd();

            assertThat(listener.failure.kind()).isEqualTo(Kind.BACKEND_ERROR);
            assertThat(listener.failure.afterFirstToken()).isTrue();
            assertThat(listener.failure.message()).contains("slot crashed");
            assertThat(listener.answer()).isEqualTo("Half an");
            assertThat(second.requests()).isEmpty();
        }
    }

    @Test
    void anOllamaStreamThatStopsWithoutDoneFailsAfterTheFirstToken() {
        try (var ollama = new FakeOllamaServer();
                var backends = TestBackends.of(
                        "local", TestBackends.ollama(ollama.baseUrl()).build())) {
            ollama.enqueue(FakeScript.answer("one", " two", " three")
                    .tokenDelay(Duration.ofMillis(20))
                    .disconnectAfter(2));

            var listener = backends.generate("hello", "local").awaitEnd();

            assertThat(listener.failure.kind()).isEqualTo(Kind.BACKEND_ERROR);
            assertThat(listener.failure.afterFirstToken()).isTrue();
            assertThat(listener.answer()).isEqualTo("one two");
        }
    }

    @Test
    void anOllamaErrorLineBeforeTheAnswerFailsOver() {
        try (var ollama = new FakeOllamaServer()) {
            ollama.enqueue(FakeScript.answer("x").errorAfter(0, "model crashed"));
            second.enqueue(FakeScript.answer("Rescued."));
            var backends = new LinkedHashMap<String, ModelProperties.Backend>();
            backends.put("local", TestBackends.ollama(ollama.baseUrl()).build());
            backends.put("second", TestBackends.openAi(second.baseUrl()).build());
            try (var gateway = TestBackends.of(backends)) {
                var listener = gateway.generate("hello", "local", "second").awaitEnd();

                assertThat(listener.answer()).isEqualTo("Rescued.");
                assertThat(listener.attempts).containsExactly("local", "second");
            }
        }
    }

    @Test
    void whenTheLastCandidateFailsTooTheCallerHearsWhyWithNoTextSent() {
        first.enqueue(FakeScript.httpError(500, "boom"));
        second.enqueue(FakeScript.answer("late").hangBeforeFirstToken());
        var backends = new LinkedHashMap<String, ModelProperties.Backend>();
        backends.put("first", TestBackends.openAi(first.baseUrl()).build());
        backends.put(
                "second",
                TestBackends.openAi(second.baseUrl())
                        .firstTokenTimeout(Duration.ofMillis(300))
                        .build());
        try (var gateway = TestBackends.of(backends)) {
            var listener = gateway.generate("hello", "first", "second").awaitEnd();

            assertThat(listener.failure.kind()).isEqualTo(Kind.FIRST_TOKEN_TIMEOUT);
            assertThat(listener.failure.backendId()).isEqualTo("second");
            assertThat(listener.failure.afterFirstToken()).isFalse();
            assertThat(listener.answer()).isEmpty();
            assertThat(listener.finalCalls()).isOne();
        }
    }

    @Test
    void aBackendThatRefusesTheRequestWithHttp400IsNotHeldAgainstItsHealth() {
        first.respondByDefault(FakeScript.httpError(400, "the request exceeds the available context size"));
        try (var backends =
                TestBackends.of("first", TestBackends.openAi(first.baseUrl()).build())) {
            for (int i = 0; i < 6; i++) {
                var listener =
                        backends.generate("a very long question", "first").awaitEnd();
                assertThat(listener.failure.kind()).isEqualTo(Kind.BACKEND_ERROR);
                assertThat(listener.failure.message()).contains("400");
            }
            assertThat(backends.status("first").state()).isEqualTo(BackendStatus.State.UP);
        }
    }
}
