package org.govchat.model;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import java.util.Map;

/**
 * Ollama's native {@code /api/chat} (NDJSON). Usage comes from {@code prompt_eval_count} and
 * {@code eval_count} of the final line; a {@code thinking} field arrives as LangChain4j thinking.
 */
record OllamaBackend(StreamingChatModel model, Reachability reachability, ObservedHttpClient.Builder http)
        implements RemoteBackend {

    OllamaBackend(ModelProperties.Backend config) {
        this(config, new ObservedHttpClient.Builder(config.connectTimeout(), config.maxConcurrent()));
    }

    private OllamaBackend(ModelProperties.Backend config, ObservedHttpClient.Builder http) {
        this(
                OllamaStreamingChatModel.builder()
                        .httpClientBuilder(http)
                        .baseUrl(config.baseUrl().toString())
                        .modelName(config.defaultModel())
                        .returnThinking(true)
                        .customHeaders(
                                config.apiKey() == null
                                        ? Map.of()
                                        : Map.of("Authorization", "Bearer " + config.apiKey()))
                        .build(),
                new Reachability(
                        Reachability.under(config.baseUrl(), "api/tags"), config.connectTimeout(), config.apiKey()),
                http);
    }
}
