package org.govchat.model.fake;

import java.util.List;
import java.util.Map;

/**
 * A request a fake model server received, as the model would see it.
 *
 * @param path e.g. {@code /v1/chat/completions} or {@code /api/chat}
 * @param model the requested model
 * @param messages the prompt, in order
 * @param temperature sampling temperature ({@code null} when not sent)
 * @param maxTokens {@code max_tokens}/{@code max_completion_tokens} or Ollama's {@code num_predict}
 * @param includeUsage whether {@code stream_options.include_usage} was asked for (OpenAI-compatible)
 * @param headers request headers, names in lower case
 * @param body the raw JSON body
 */
public record RecordedRequest(
        String path,
        String model,
        List<Message> messages,
        Double temperature,
        Integer maxTokens,
        boolean stream,
        boolean includeUsage,
        Map<String, String> headers,
        String body) {

    public record Message(String role, String content) {}

    /** The system prompt, or {@code null}. */
    public String systemPrompt() {
        return messages.stream()
                .filter(m -> m.role().equals("system"))
                .map(Message::content)
                .findFirst()
                .orElse(null);
    }

    /** The newest user message, or {@code null}. */
    public String lastUserMessage() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role().equals("user")) {
                return messages.get(i).content();
            }
        }
        return null;
    }
}
