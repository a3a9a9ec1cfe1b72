package org.govchat.model;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.List;

/**
 * One protocol a backend speaks. Each implementation holds the LangChain4j model it built once and
 * reuses for every generation.
 */
sealed interface ModelBackend permits RemoteBackend, InProcessBackend {

    /** Starts background work (loading weights); returns at once. */
    default void start() {}

    /** Whether it can take generations now, and why not. */
    Availability availability();

    /** Re-checks availability (reachability of a server); called now and then on a background thread. */
    default void refresh() {}

    /** What an attempt learned about reachability: a refused connection, or an answer. */
    default void observed(boolean reachable, String reason) {}

    /**
     * Streams one attempt into {@code attempt}. Called on a virtual thread of its own; may block until the
     * generation ends. Reports every outcome through the attempt's handler methods, never by throwing.
     */
    void stream(String model, GenerationRequest request, Attempt attempt);

    /** Whether a response LangChain4j reported as complete really ended the way the protocol ends. */
    default boolean endedProperly(ChatResponse response) {
        return true;
    }

    default void close() {}

    record Availability(BackendStatus.State state, String reason) {

        static final Availability UP = new Availability(BackendStatus.State.UP, null);

        static Availability down(String reason) {
            return new Availability(BackendStatus.State.DOWN, reason);
        }

        static Availability starting(String reason) {
            return new Availability(BackendStatus.State.STARTING, reason);
        }
    }

    static ChatRequest chatRequest(String model, GenerationRequest request) {
        return ChatRequest.builder()
                .messages(messages(request.messages()))
                .modelName(model)
                .temperature(request.temperature())
                .maxOutputTokens(request.maxOutputTokens())
                .build();
    }

    private static List<ChatMessage> messages(List<ChatTurn> turns) {
        return turns.stream()
                .map(turn -> (ChatMessage)
                        switch (turn.role()) {
                            case SYSTEM -> SystemMessage.from(turn.text());
                            case USER -> UserMessage.from(turn.text());
                            case ASSISTANT -> AiMessage.from(turn.text());
                        })
                .toList();
    }
}
