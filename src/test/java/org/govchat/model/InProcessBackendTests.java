package org.govchat.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.govchat.model.GenerationFailure.Kind;
import org.govchat.model.fake.FakeModelServer;
import org.govchat.model.fake.TinyJlamaModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InProcessBackendTests {

    @TempDir
    Path temp;

    private static ModelProperties.Backend inProcess(Path modelDir, Path cache, String model) {
        return new ModelProperties.Backend(
                ModelProperties.BackendType.IN_PROCESS,
                null,
                model,
                List.of(),
                null,
                1,
                10,
                Duration.ofMinutes(2),
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                Duration.ofSeconds(10),
                Duration.ofSeconds(60),
                modelDir,
                cache,
                0);
    }

    private static void awaitState(TestBackends backends, BackendStatus.State state) {
        assertThat(FakeModelServer.await(
                        () -> backends.status("default").state() == state ? 1 : 0, 1, Duration.ofSeconds(30)))
                .as("backend becomes " + state + ", is " + backends.status("default"))
                .isTrue();
    }

    private static GenerationRequest ask(String question) {
        return new GenerationRequest(
                List.of(new BackendChoice("default", null)),
                List.of(ChatTurn.system("Be brief."), ChatTurn.user(question)),
                0.0,
                12);
    }

    @Test
    void twoGenerationsInARowBothStreamSeveralTokensThroughTheRealJlamaPath() throws Exception {
        var dir = TinyJlamaModel.writeTo(temp.resolve("tiny"));
        try (var backends = TestBackends.of("default", inProcess(dir, temp, "tiny"))) {
            awaitState(backends, BackendStatus.State.UP);

            for (int round = 1; round <= 2; round++) {
                var listener = new RecordingListener();
                backends.gateway.generate(ask("hello number " + round), listener);
                listener.awaitEnd(Duration.ofSeconds(30));

                assertThat(listener.failure)
                        .as("round %d: %s", round, listener.events)
                        .isNull();
                assertThat(listener.answerTokens)
                        .as("round %d answer tokens", round)
                        .isGreaterThanOrEqualTo(3);
                assertThat(listener.result.tokensOut()).as("round %d", round).isGreaterThanOrEqualTo(3);
                assertThat(listener.result.tokensIn()).isPositive();
                assertThat(listener.result.backendId()).isEqualTo("default");
                assertThat(listener.threads).doesNotContain(Thread.currentThread());
            }
        }
    }

    @Test
    void cancellingAnInProcessGenerationStopsItAndFreesTheSlot() throws Exception {
        var dir = TinyJlamaModel.writeTo(temp.resolve("tiny"));
        try (var backends = TestBackends.of("default", inProcess(dir, temp, "tiny"))) {
            awaitState(backends, BackendStatus.State.UP);
            var listener = new RecordingListener();
            var long_ = new GenerationRequest(
                    List.of(new BackendChoice("default", null)), List.of(ChatTurn.user("go on")), 0.0, 400);
            var generation = backends.gateway.generate(long_, listener);
            listener.awaitFirstAnswerToken();

            generation.cancel();

            listener.awaitEnd();
            assertThat(listener.cancelled).isTrue();
            assertThat(FakeModelServer.await(() -> backends.status("default").inFlight(), 0, Duration.ofSeconds(2)))
                    .isTrue();
            var next = new RecordingListener();
            backends.gateway.generate(ask("again"), next);
            assertThat(next.awaitEnd(Duration.ofSeconds(30)).result).isNotNull();
        }
    }

    @Test
    void missingWeightsMakeTheBackendDownAndGenerationsFailFastAsUnavailable() {
        var nowhere = temp.resolve("no-such-model");
        try (var backends = TestBackends.of("default", inProcess(nowhere, temp, "tiny"))) {
            awaitState(backends, BackendStatus.State.DOWN);
            assertThat(backends.status("default").reason()).contains("no-such-model");
            assertThat(backends.gateway.isUsable("default")).isFalse();

            long start = System.nanoTime();
            var listener = backends.generate("hello", "default").awaitEnd(Duration.ofSeconds(2));

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
            assertThat(listener.failure.kind()).isEqualTo(Kind.UNAVAILABLE);
            assertThat(listener.failure.backendId()).isEqualTo("default");
            assertThat(listener.attempts).isEmpty();
        }
    }

    @Test
    void weightsThatCannotBeDownloadedMakeTheBackendDown() {
        try (var backends =
                TestBackends.of("default", inProcess(null, temp.resolve("cache"), "govchat-test/does-not-exist"))) {
            awaitState(backends, BackendStatus.State.DOWN);

            assertThat(backends.status("default").reason()).startsWith("model weights not available");
            var listener = backends.generate("hello", "default").awaitEnd(Duration.ofSeconds(2));
            assertThat(listener.failure.kind()).isEqualTo(Kind.UNAVAILABLE);
        }
    }

    @Test
    void withNoBackendConfiguredTheDefaultIsTheSmallInProcessModel() {
        var properties = new ModelProperties(null, new ModelProperties.Sovereignty(List.of("localhost")));
        // not started: on a machine with a network this would download the real model
        var registry = new BackendRegistry(properties);
        try {
            var backend = registry.get("default");
            assertThat(backend.config().type()).isEqualTo(ModelProperties.BackendType.IN_PROCESS);
            assertThat(backend.config().defaultModel()).isEqualTo("Qwen/Qwen2.5-0.5B-Instruct");
            assertThat(backend.config().maxConcurrent()).isOne();
        } finally {
            registry.destroy();
        }
    }

    @Test
    void aDefaultEntryWithOnlyAModelDirectoryIsTheInProcessDefaultReadingFromThere() throws Exception {
        var dir = TinyJlamaModel.writeTo(temp.resolve("tiny"));
        var given = new ModelProperties.Backend(
                null,
                null,
                "tiny",
                null,
                null,
                4,
                100,
                Duration.ofMinutes(2),
                Duration.ofSeconds(5),
                Duration.ofSeconds(60),
                Duration.ofSeconds(30),
                Duration.ofMinutes(5),
                dir,
                temp,
                0);
        try (var backends = TestBackends.of("default", given)) {
            awaitState(backends, BackendStatus.State.UP);
            assertThat(backends.status("default").type()).isEqualTo(ModelProperties.BackendType.IN_PROCESS);
        }
    }
}
