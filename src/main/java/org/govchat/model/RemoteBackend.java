package org.govchat.model;

import dev.langchain4j.model.chat.StreamingChatModel;

/**
 * A model server reached over HTTP: it is available while it answers (probed now and then, and told by every
 * attempt), and it streams through the LangChain4j model built for it.
 */
sealed interface RemoteBackend extends ModelBackend permits OllamaBackend, OpenAiCompatibleBackend {

    /** The LangChain4j model, built once with this backend's HTTP client. */
    StreamingChatModel model();

    Reachability reachability();

    /** Builds the HTTP client under {@link #model()}, and closes it. */
    ObservedHttpClient.Builder http();

    @Override
    default Availability availability() {
        return reachability().availability();
    }

    @Override
    default void refresh() {
        reachability().probe();
    }

    @Override
    default void observed(boolean reachable, String reason) {
        reachability().observed(reachable, reason);
    }

    @Override
    default void close() {
        http().close();
    }

    @Override
    default void stream(String modelName, GenerationRequest request, Attempt attempt) {
        model().chat(ModelBackend.chatRequest(modelName, request), attempt);
    }
}
