package org.govchat.model;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import java.util.Map;

/**
 * Ollama's native {@code /api/chat} (NDJSON). Usage comes from {@code prompt_eval_count} and
 * {@code eval_count} of the final line; a {@code thinking} field arrives as LangChain4j thinking.
 */
final class OllamaBackend implements ModelBackend {

    private final StreamingChatModel model;
    private final Reachability reachability;

    OllamaBackend(ModelProperties.Backend config) {
        this.model = OllamaStreamingChatModel.builder()
                .httpClientBuilder(new ObservedHttpClient.Builder(config.connectTimeout()))
                .baseUrl(config.baseUrl().toString())
                .modelName(config.defaultModel())
                .returnThinking(true)
                .customHeaders(
                        config.apiKey() == null ? Map.of() : Map.of("Authorization", "Bearer " + config.apiKey()))
                .build();
        this.reachability = new Reachability(
                Reachability.under(config.baseUrl(), "api/tags"), config.connectTimeout(), config.apiKey());
    }

    @Override
    public Availability availability() {
        return reachability.availability();
    }

    @Override
    public void refresh() {
        reachability.probe();
    }

    @Override
    public void observed(boolean reachable, String reason) {
        reachability.observed(reachable, reason);
    }

    @Override
    public void stream(String modelName, GenerationRequest request, Attempt attempt) {
        model.chat(ModelBackend.chatRequest(modelName, request), attempt);
    }
}
