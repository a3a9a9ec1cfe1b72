package org.govchat.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.LinkedHashMap;
import org.govchat.model.fake.FakeModelServer;
import org.govchat.model.fake.FakeOpenAiServer;
import org.govchat.model.fake.FakeScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class AdmissionTests {

    private final FakeOpenAiServer server = new FakeOpenAiServer();

    @AfterEach
    void stopServer() {
        server.close();
    }

    private static FakeScript slow() {
        return FakeScript.answer("one", " two", " three", " four").tokenDelay(Duration.ofMillis(100));
    }

    @Test
    void queuedGenerationsHearTheirPositionMoveUpAndRunInArrivalOrder() {
        server.respondByDefault(slow());
        try (var backends = TestBackends.of(
                "gpu", TestBackends.openAi(server.baseUrl()).slots(1, 5).build())) {
            var running = backends.generate("first", "gpu");
            var second = backends.generate("second", "gpu");
            var third = backends.generate("third", "gpu");

            assertThat(FakeModelServer.await(() -> backends.status("gpu").queued(), 2, Duration.ofSeconds(2)))
                    .isTrue();
            assertThat(backends.status("gpu").inFlight()).isOne();

            running.awaitEnd();
            second.awaitEnd();
            third.awaitEnd();

            assertThat(second.positions).containsExactly(1);
            assertThat(third.positions).containsExactly(2, 1);
            assertThat(third.events.indexOf("queued 1")).isLessThan(third.events.indexOf("attempt gpu fake-model"));
            assertThat(server.requests())
                    .extracting(r -> r.lastUserMessage())
                    .containsExactly("first", "second", "third");
            assertThat(third.answer()).isEqualTo("one two three four");
            assertThat(backends.status("gpu").inFlight()).isZero();
            assertThat(backends.status("gpu").queued()).isZero();
        }
    }

    @Test
    void aFullQueueIsRefusedAtOnceWith503AndRetryAfter() {
        server.respondByDefault(slow());
        try (var backends = TestBackends.of(
                "gpu", TestBackends.openAi(server.baseUrl()).slots(1, 1).build())) {
            backends.generate("first", "gpu");
            backends.generate("second", "gpu");

            var refused = catchThrowableOfType(
                    BackendQueueFull.class,
                    () -> backends.gateway.generate(TestBackends.ask("third", "gpu"), new RecordingListener()));

            assertThat(refused.getStatusCode().value()).isEqualTo(503);
            assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).matches("[1-9][0-9]*");
            assertThat(refused.getBody().getType().toString()).isEqualTo("/problems/backend-queue-full");
            assertThat(refused.getDetailMessageCode()).isEqualTo("problem.backend-queue-full");
        }
    }

    @Test
    void whenTheFirstCandidatesQueueIsFullTheGenerationQueuesOnTheNext() {
        try (var other = new FakeOpenAiServer()) {
            server.respondByDefault(slow());
            other.enqueue(FakeScript.answer("Elsewhere."));
            var configured = new LinkedHashMap<String, ModelProperties.Backend>();
            configured.put(
                    "busy", TestBackends.openAi(server.baseUrl()).slots(1, 0).build());
            configured.put("spare", TestBackends.openAi(other.baseUrl()).build());
            try (var backends = TestBackends.of(configured)) {
                backends.generate("first", "busy");

                var listener = backends.generate("second", "busy", "spare").awaitEnd();

                assertThat(listener.attempts).containsExactly("spare");
                assertThat(listener.answer()).isEqualTo("Elsewhere.");
            }
        }
    }

    @Test
    void aGenerationThatWaitsLongerThanTheBackendsMaxQueueWaitFailsWithoutReachingTheModel() {
        server.respondByDefault(FakeScript.tokens(12).tokenDelay(Duration.ofMillis(100)));
        try (var backends = TestBackends.of(
                "gpu",
                TestBackends.openAi(server.baseUrl())
                        .slots(1, 5)
                        .maxQueueWait(Duration.ofMillis(300))
                        .build())) {
            var running = backends.generate("first", "gpu");
            var waiting = backends.generate("second", "gpu");

            waiting.awaitEnd();

            assertThat(waiting.positions).containsExactly(1);
            assertThat(waiting.attempts).isEmpty();
            assertThat(waiting.failure.kind()).isEqualTo(GenerationFailure.Kind.QUEUE_TIMEOUT);
            assertThat(waiting.failure.backendId()).isEqualTo("gpu");
            assertThat(waiting.failure.afterFirstToken()).isFalse();
            assertThat(waiting.finalCalls()).isOne();
            assertThat(backends.status("gpu").queued()).isZero();
            assertThat(running.failure)
                    .as("the running generation is not disturbed")
                    .isNull();
            running.awaitEnd();
            assertThat(running.failure).isNull();
            assertThat(running.answerTokens).isEqualTo(12);
            assertThat(server.requests()).extracting(r -> r.lastUserMessage()).containsExactly("first");
        }
    }

    @Test
    void aGenerationThatWaitedTooLongInOneQueueMovesOnToTheNextCandidate() {
        try (var other = new FakeOpenAiServer()) {
            server.respondByDefault(FakeScript.tokens(12).tokenDelay(Duration.ofMillis(100)));
            other.enqueue(FakeScript.answer("Elsewhere."));
            var configured = new LinkedHashMap<String, ModelProperties.Backend>();
            configured.put(
                    "busy",
                    TestBackends.openAi(server.baseUrl())
                            .slots(1, 5)
                            .maxQueueWait(Duration.ofMillis(300))
                            .build());
            configured.put("spare", TestBackends.openAi(other.baseUrl()).build());
            try (var backends = TestBackends.of(configured)) {
                var running = backends.generate("first", "busy");

                var moved = backends.generate("second", "busy", "spare").awaitEnd();

                assertThat(moved.positions).containsExactly(1);
                assertThat(moved.attempts).containsExactly("spare");
                assertThat(moved.failure).isNull();
                assertThat(moved.answer()).isEqualTo("Elsewhere.");
                assertThat(backends.status("busy").queued()).isZero();
                assertThat(running.events).doesNotContain("failed QUEUE_TIMEOUT");
                running.awaitEnd();
                assertThat(server.requests())
                        .extracting(r -> r.lastUserMessage())
                        .containsExactly("first");
            }
        }
    }

    @Test
    void cancellingAQueuedGenerationTakesItOutOfTheQueue() {
        server.respondByDefault(slow());
        try (var backends = TestBackends.of(
                "gpu", TestBackends.openAi(server.baseUrl()).slots(1, 5).build())) {
            var running = backends.generate("first", "gpu");
            var secondListener = new RecordingListener();
            var second = backends.gateway.generate(TestBackends.ask("second", "gpu"), secondListener);
            var third = backends.generate("third", "gpu");
            assertThat(FakeModelServer.await(() -> third.positions.size(), 1, Duration.ofSeconds(2)))
                    .isTrue();

            second.cancel();

            secondListener.awaitEnd();
            assertThat(secondListener.cancelled).isTrue();
            assertThat(second.isDone()).isTrue();
            assertThat(FakeModelServer.await(() -> backends.status("gpu").queued(), 1, Duration.ofSeconds(2)))
                    .isTrue();
            running.awaitEnd();
            third.awaitEnd();
            assertThat(third.positions).containsExactly(2, 1);
            assertThat(server.requests()).extracting(r -> r.lastUserMessage()).containsExactly("first", "third");
            assertThat(secondListener.finalCalls()).isOne();
        }
    }

    @Test
    void cancelStopsTheBackendStreamAndFreesTheSlotAtOnce() {
        server.enqueue(FakeScript.tokens(200).tokenDelay(Duration.ofMillis(30)), FakeScript.answer("Next."));
        try (var backends = TestBackends.of(
                "gpu", TestBackends.openAi(server.baseUrl()).slots(1, 5).build())) {
            var listener = new RecordingListener();
            var generation = backends.gateway.generate(TestBackends.ask("long", "gpu"), listener);
            listener.awaitFirstAnswerToken();

            generation.cancel();

            listener.awaitEnd();
            int tokensAtCancel = listener.answerTokens;
            assertThat(listener.cancelled).isTrue();
            assertThat(listener.finalCalls()).isOne();
            assertThat(FakeModelServer.await(server::cancelledStreams, 1, Duration.ofSeconds(2)))
                    .as("the server sees the connection close and stops generating")
                    .isTrue();
            assertThat(server.openStreams()).isZero();
            assertThat(backends.status("gpu").inFlight()).isZero();
            var next = backends.generate("next", "gpu").awaitEnd();
            assertThat(next.answer()).isEqualTo("Next.");
            assertThat(listener.answerTokens)
                    .as("nothing reaches the listener after onCancelled")
                    .isEqualTo(tokensAtCancel)
                    .isLessThan(200);
            assertThat(listener.events.getLast()).isEqualTo("cancelled");
        }
    }

    @Test
    void cancelWhileTheBackendHasNotAnsweredYetClosesTheRequest() {
        server.enqueue(FakeScript.answer("warm"), FakeScript.answer("never").hangBeforeFirstToken());
        try (var backends =
                TestBackends.of("gpu", TestBackends.openAi(server.baseUrl()).build())) {
            backends.generate("warm up", "gpu").awaitEnd();
            var listener = new RecordingListener();
            var generation = backends.gateway.generate(TestBackends.ask("hang", "gpu"), listener);
            assertThat(FakeModelServer.await(server::openStreams, 1, Duration.ofSeconds(2)))
                    .isTrue();

            generation.cancel();

            listener.awaitEnd();
            assertThat(listener.cancelled).isTrue();
            assertThat(FakeModelServer.await(server::cancelledStreams, 1, Duration.ofSeconds(2)))
                    .isTrue();
        }
    }

    @Test
    void cancelAfterTheEndChangesNothing() {
        try (var backends =
                TestBackends.of("gpu", TestBackends.openAi(server.baseUrl()).build())) {
            var listener = new RecordingListener();
            var generation = backends.gateway.generate(TestBackends.ask("hi", "gpu"), listener);
            listener.awaitEnd();

            generation.cancel();

            assertThat(listener.endedWithin(Duration.ofMillis(200))).isTrue();
            assertThat(listener.cancelled).isFalse();
            assertThat(listener.finalCalls()).isOne();
        }
    }
}
