package org.govchat.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.govchat.model.fake.FakeOllamaServer;
import org.govchat.model.fake.FakeOpenAiServer;
import org.govchat.model.fake.FakeScript;
import org.govchat.model.fake.RecordedRequest;
import org.junit.jupiter.api.Test;

class BackendStreamingTests {

    @Test
    void streamsAnOpenAiCompatibleAnswerAndRecordsUsage() {
        try (var server = new FakeOpenAiServer();
                var backends = TestBackends.of(
                        "gpu", TestBackends.openAi(server.baseUrl()).build())) {
            server.enqueue(
                    FakeScript.answer("Your", " licence", " is", " ready.").promptTokens(42));

            var listener = backends.generate("Is my licence ready?", "gpu").awaitEnd();

            assertThat(listener.failure).isNull();
            assertThat(listener.answer()).isEqualTo("Your licence is ready.");
            assertThat(listener.answerTokens).isEqualTo(4);
            assertThat(listener.result.backendId()).isEqualTo("gpu");
            assertThat(listener.result.model()).isEqualTo("fake-model");
            assertThat(listener.result.tokensIn()).isEqualTo(42);
            assertThat(listener.result.tokensOut()).isEqualTo(4);
            assertThat(listener.result.finishReason()).isEqualTo("STOP");
            assertThat(listener.attempts).containsExactly("gpu");
            assertThat(listener.finalCalls()).isOne();

            var request = server.lastRequest();
            assertThat(request.model()).isEqualTo("fake-model");
            assertThat(request.stream()).isTrue();
            assertThat(request.includeUsage()).isTrue();
            assertThat(request.temperature()).isEqualTo(0.2);
            assertThat(request.maxTokens()).isEqualTo(256);
            assertThat(request.messages())
                    .containsExactly(
                            new RecordedRequest.Message("system", "You are a helpful clerk."),
                            new RecordedRequest.Message("user", "Is my licence ready?"));
            assertThat(server.completedStreams()).isOne();
        }
    }

    @Test
    void aKeptAliveConnectionTheServerClosedMeanwhileDoesNotFailTheNextAnswer() {
        try (var server = new FakeOpenAiServer();
                var backends = TestBackends.of(
                        "gpu", TestBackends.openAi(server.baseUrl()).build())) {
            server.dropKeptAliveConnections();

            for (int i = 0; i < 3; i++) {
                var listener = backends.generate("Is my licence ready?", "gpu").awaitEnd();

                assertThat(listener.failure).isNull();
                assertThat(listener.answer()).isEqualTo("Hello from the fake model.");
                assertThat(listener.attempts).containsExactly("gpu");
            }
            assertThat(server.completedStreams()).isEqualTo(3);
            assertThat(server.requests()).hasSize(3);
        }
    }

    @Test
    void shuttingTheBackendsDownClosesTheirHttpClients() {
        long before = evictorThreads();
        try (var server = new FakeOpenAiServer()) {
            var backends = TestBackends.of(Map.of(
                    "gpu", TestBackends.openAi(server.baseUrl()).build(),
                    "local", TestBackends.ollama(server.baseUrl()).build()));
            assertThat(backends.generate("Is my licence ready?", "gpu").awaitEnd().failure)
                    .isNull();
            assertThat(evictorThreads())
                    .as("each backend's pool sweeps its idle connections")
                    .isEqualTo(before + 2);

            backends.close();

            await().atMost(Duration.ofSeconds(5)).until(() -> evictorThreads() == before);
        }
    }

    /** HttpClient's sweeper of idle pooled connections: one per client until it is closed. */
    private static long evictorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().startsWith("idle-connection-evictor"))
                .count();
    }

    @Test
    void streamsAnOllamaAnswerAndRecordsUsage() {
        try (var server = new FakeOllamaServer();
                var backends = TestBackends.of(
                        "local", TestBackends.ollama(server.baseUrl()).build())) {
            server.enqueue(FakeScript.answer("你好", "，", "請問", "有咩", "幫到你？").promptTokens(17));

            var listener = backends.generate("你好", "local").awaitEnd();

            assertThat(listener.failure).isNull();
            assertThat(listener.answer()).isEqualTo("你好，請問有咩幫到你？");
            assertThat(listener.result.tokensIn()).isEqualTo(17);
            assertThat(listener.result.tokensOut()).isEqualTo(5);
            assertThat(listener.result.finishReason()).isEqualTo("STOP");
            var request = server.lastRequest();
            assertThat(request.path()).isEqualTo("/api/chat");
            assertThat(request.model()).isEqualTo("fake-model");
            assertThat(request.temperature()).isEqualTo(0.2);
            assertThat(request.maxTokens()).isEqualTo(256);
            assertThat(request.lastUserMessage()).isEqualTo("你好");
            assertThat(request.systemPrompt()).isEqualTo("You are a helpful clerk.");
        }
    }

    @Test
    void asksForTheModelTheProfileChoseInsteadOfTheDefault() {
        try (var server = new FakeOpenAiServer();
                var backends = TestBackends.of(
                        "gpu", TestBackends.openAi(server.baseUrl()).build())) {
            var listener = new RecordingListener();
            backends.gateway.generate(
                    new GenerationRequest(
                            List.of(new BackendChoice("gpu", "fake-model-large")),
                            List.of(ChatTurn.user("hi")),
                            0.7,
                            64),
                    listener);
            listener.awaitEnd();

            assertThat(server.lastRequest().model()).isEqualTo("fake-model-large");
            assertThat(listener.result.model()).isEqualTo("fake-model-large");
        }
    }

    @Test
    void listenerCallsComeInOrderFromABackgroundThread() {
        try (var server = new FakeOpenAiServer();
                var backends = TestBackends.of(
                        "gpu", TestBackends.openAi(server.baseUrl()).build())) {
            var listener = backends.generate("hello", "gpu").awaitEnd();

            assertThat(listener.threads).doesNotContain(Thread.currentThread());
            assertThat(listener.events.getFirst()).isEqualTo("attempt gpu fake-model");
            assertThat(listener.events.getLast()).isEqualTo("complete");
        }
    }

    @Test
    void listsTheBackendsWithTheirModelsAndState() {
        try (var server = new FakeOpenAiServer();
                var backends = TestBackends.of(
                        "gpu", TestBackends.openAi(server.baseUrl()).build())) {
            var status = backends.status("gpu");

            assertThat(status.type()).isEqualTo(ModelProperties.BackendType.OPENAI_COMPATIBLE);
            assertThat(status.defaultModel()).isEqualTo("fake-model");
            assertThat(status.models()).containsExactly("fake-model", "fake-model-large");
            assertThat(status.state()).isEqualTo(BackendStatus.State.UP);
            assertThat(backends.gateway.isUsable("gpu")).isTrue();
            assertThat(backends.gateway.isUsable("nope")).isFalse();
        }
    }

    @Test
    void anUnknownBackendIdIsRefusedAtOnce() {
        try (var server = new FakeOpenAiServer();
                var backends = TestBackends.of(
                        "gpu", TestBackends.openAi(server.baseUrl()).build())) {
            org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                    .isThrownBy(
                            () -> backends.gateway.generate(TestBackends.ask("hi", "nope"), new RecordingListener()))
                    .withMessageContaining("nope");
        }
    }

    @Test
    void anApiKeyIsSentAsABearerTokenToBothKindsOfServer() {
        try (var openAi = new FakeOpenAiServer();
                var ollama = new FakeOllamaServer()) {
            var configured = new java.util.LinkedHashMap<String, ModelProperties.Backend>();
            configured.put(
                    "gpu",
                    TestBackends.openAi(openAi.baseUrl()).apiKey("s3cret").build());
            configured.put(
                    "local",
                    TestBackends.ollama(ollama.baseUrl()).apiKey("t0ken").build());
            try (var backends = TestBackends.of(configured)) {
                backends.generate("hi", "gpu").awaitEnd();
                backends.generate("hi", "local").awaitEnd();

                assertThat(openAi.lastRequest().headers()).containsEntry("authorization", "Bearer s3cret");
                assertThat(ollama.lastRequest().headers()).containsEntry("authorization", "Bearer t0ken");
            }
        }
    }
}
