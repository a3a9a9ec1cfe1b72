package org.govchat.model;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

/**
 * {@code /v1/chat/completions} with SSE: vLLM, SGLang, llama.cpp server, LMDeploy, MindIE, Ollama /v1.
 * LangChain4j always asks for usage ({@code stream_options.include_usage}) and, with returnThinking, hands
 * {@code reasoning_content} deltas over as thinking.
 */
record OpenAiCompatibleBackend(StreamingChatModel model, Reachability reachability, ObservedHttpClient.Builder http)
        implements RemoteBackend {

    OpenAiCompatibleBackend(ModelProperties.Backend config) {
        this(config, new ObservedHttpClient.Builder(config.connectTimeout(), config.maxConcurrent()));
    }

    private OpenAiCompatibleBackend(ModelProperties.Backend config, ObservedHttpClient.Builder http) {
        this(
                OpenAiStreamingChatModel.builder()
                        .httpClientBuilder(http)
                        .baseUrl(config.baseUrl().toString())
                        .apiKey(config.apiKey())
                        .modelName(config.defaultModel())
                        .returnThinking(true)
                        .build(),
                new Reachability(
                        Reachability.under(config.baseUrl(), "models"), config.connectTimeout(), config.apiKey()),
                http);
    }

    /**
     * LangChain4j reports a stream that simply stops (a dropped connection, or an error event without
     * {@code [DONE]}) as complete; only a finish reason proves the server ended it.
     */
    @Override
    public boolean endedProperly(ChatResponse response) {
        return response.finishReason() != null;
    }
}
