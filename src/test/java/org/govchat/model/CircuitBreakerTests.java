package org.govchat.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.govchat.model.GenerationFailure.Kind;
import org.govchat.model.fake.FakeOpenAiServer;
import org.govchat.model.fake.FakeScript;
import org.junit.jupiter.api.Test;

class CircuitBreakerTests {

    @Test
    void repeatedFailuresOpenTheCircuitAndThenNothingMoreIsSentToThatBackend() {
        try (var server = new FakeOpenAiServer();
                var backends = TestBackends.of(
                        "flaky", TestBackends.openAi(server.baseUrl()).build())) {
            server.respondByDefault(FakeScript.httpError(500, "overloaded"));
            for (int i = 0; i < 5; i++) {
                var listener = backends.generate("hello", "flaky").awaitEnd();
                assertThat(listener.failure.kind()).isEqualTo(Kind.BACKEND_ERROR);
            }
            assertThat(backends.status("flaky").state()).isEqualTo(BackendStatus.State.CIRCUIT_OPEN);
            assertThat(backends.gateway.isUsable("flaky")).isFalse();

            long start = System.nanoTime();
            var listener = backends.generate("hello", "flaky").awaitEnd();

            assertThat(listener.failure.kind()).isEqualTo(Kind.UNAVAILABLE);
            assertThat(listener.failure.afterFirstToken()).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
            assertThat(server.requests()).hasSize(5);
            assertThat(listener.attempts).isEmpty();
        }
    }

    @Test
    void aBackendWhoseCircuitIsOpenIsSkippedInFavourOfTheNextCandidate() {
        try (var broken = new FakeOpenAiServer();
                var spare = new FakeOpenAiServer()) {
            broken.respondByDefault(FakeScript.httpError(503, "loading model"));
            spare.respondByDefault(FakeScript.answer("From", " the", " spare."));
            var configured = new java.util.LinkedHashMap<String, ModelProperties.Backend>();
            configured.put("broken", TestBackends.openAi(broken.baseUrl()).build());
            configured.put("spare", TestBackends.openAi(spare.baseUrl()).build());
            try (var backends = TestBackends.of(configured)) {
                for (int i = 0; i < 5; i++) {
                    backends.generate("hello", "broken", "spare").awaitEnd();
                }
                assertThat(backends.status("broken").state()).isEqualTo(BackendStatus.State.CIRCUIT_OPEN);

                var listener = backends.generate("hello", "broken", "spare").awaitEnd();

                assertThat(listener.attempts).containsExactly("spare");
                assertThat(listener.answer()).isEqualTo("From the spare.");
                assertThat(broken.requests()).hasSize(5);
            }
        }
    }
}
