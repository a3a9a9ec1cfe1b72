package org.govchat.model.fake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a fake model server does for one request: the tokens it streams, how fast, and which fault it
 * injects. Immutable; every {@code with…}-style method returns a changed copy, so scripts can be shared.
 *
 * <pre>{@code
 * FakeScript.answer("Hello", " there", ".")                  // streams three tokens, finish "stop"
 *     .reasoning("Let me", " think")                      // reasoning first (reasoning_content / thinking)
 *     .tokenDelay(Duration.ofMillis(20))                  // 20 ms before every token
 *     .disconnectAfter(2);                                // then drops the connection after 2 tokens
 * FakeScript.httpError(500, "out of memory");             // fails before generating
 * FakeScript.answer("a", "b").hangBeforeFirstToken();     // headers, then silence until the client leaves
 * }</pre>
 *
 * "After N tokens" counts every streamed token, reasoning first, then answer. A fault happens when the next
 * token would have been due (after its delay). Without a token delay, a client may see a dropped connection
 * before the last tokens it was sent, as with a real server that dies at once.
 */
public final class FakeScript {

    /** How reasoning travels. */
    public enum ReasoningStyle {
        /** OpenAI-compatible {@code reasoning_content} deltas; Ollama's {@code message.thinking}. */
        SEPARATE_FIELD,
        /** DeepSeek-R1 style: {@code <think>}, the reasoning, {@code </think>} inside the content. */
        THINK_TAGS
    }

    final List<String> answer;
    final List<String> reasoning;
    final ReasoningStyle reasoningStyle;
    final Duration firstTokenDelay;
    final Duration tokenDelay;
    final int disconnectAfter;
    final int errorAfter;
    final String errorMessage;
    final int malformedAfter;
    final int stallAfter;
    final boolean hangBeforeHeaders;
    final int httpStatus;
    final String finishReason;
    final Integer promptTokens;

    private FakeScript(
            List<String> answer,
            List<String> reasoning,
            ReasoningStyle reasoningStyle,
            Duration firstTokenDelay,
            Duration tokenDelay,
            int disconnectAfter,
            int errorAfter,
            String errorMessage,
            int malformedAfter,
            int stallAfter,
            boolean hangBeforeHeaders,
            int httpStatus,
            String finishReason,
            Integer promptTokens) {
        this.answer = List.copyOf(answer);
        this.reasoning = List.copyOf(reasoning);
        this.reasoningStyle = reasoningStyle;
        this.firstTokenDelay = firstTokenDelay;
        this.tokenDelay = tokenDelay;
        this.disconnectAfter = disconnectAfter;
        this.errorAfter = errorAfter;
        this.errorMessage = errorMessage;
        this.malformedAfter = malformedAfter;
        this.stallAfter = stallAfter;
        this.hangBeforeHeaders = hangBeforeHeaders;
        this.httpStatus = httpStatus;
        this.finishReason = finishReason;
        this.promptTokens = promptTokens;
    }

    /** Streams these answer tokens, then finishes with {@code stop}. */
    public static FakeScript answer(String... tokens) {
        return new FakeScript(
                Arrays.asList(tokens),
                List.of(),
                ReasoningStyle.SEPARATE_FIELD,
                Duration.ZERO,
                Duration.ZERO,
                -1,
                -1,
                null,
                -1,
                -1,
                false,
                0,
                "stop",
                null);
    }

    /** {@code count} answer tokens {@code "t0 "}, {@code "t1 "} … (for load tests). */
    public static FakeScript tokens(int count) {
        var tokens = new ArrayList<String>(count);
        for (int i = 0; i < count; i++) {
            tokens.add("t" + i + " ");
        }
        return answer(tokens.toArray(String[]::new));
    }

    /** Answers an HTTP error before generating anything, as llama.cpp / Ollama do (JSON body). */
    public static FakeScript httpError(int status, String message) {
        return answer().with(b -> {
            b.httpStatus = status;
            b.errorMessage = message;
        });
    }

    /** Reasoning tokens streamed before the answer. */
    public FakeScript reasoning(String... tokens) {
        return with(b -> b.reasoning = Arrays.asList(tokens));
    }

    public FakeScript reasoningStyle(ReasoningStyle style) {
        return with(b -> b.reasoningStyle = style);
    }

    /** Pause before every token ("slow tokens"). */
    public FakeScript tokenDelay(Duration delay) {
        return with(b -> b.tokenDelay = delay);
    }

    /** Extra pause before the first token (prompt processing). */
    public FakeScript firstTokenDelay(Duration delay) {
        return with(b -> b.firstTokenDelay = delay);
    }

    /** Closes the connection abruptly after {@code tokens} tokens: no final chunk, no {@code [DONE]}. */
    public FakeScript disconnectAfter(int tokens) {
        return with(b -> b.disconnectAfter = tokens);
    }

    /** Sends an in-stream error event after {@code tokens} tokens and ends the stream without {@code [DONE]}. */
    public FakeScript errorAfter(int tokens, String message) {
        return with(b -> {
            b.errorAfter = tokens;
            b.errorMessage = message;
        });
    }

    /** Sends one chunk of broken JSON after {@code tokens} tokens, then carries on. */
    public FakeScript malformedChunkAfter(int tokens) {
        return with(b -> b.malformedAfter = tokens);
    }

    /** Falls silent after {@code tokens} tokens, the connection open, until the client leaves. */
    public FakeScript stallAfter(int tokens) {
        return with(b -> b.stallAfter = tokens);
    }

    /** Sends the response headers, then nothing until the client leaves. */
    public FakeScript hangBeforeFirstToken() {
        return stallAfter(0);
    }

    /** Sends nothing at all, not even headers, until the client leaves. */
    public FakeScript hangBeforeHeaders() {
        return with(b -> b.hangBeforeHeaders = true);
    }

    /** {@code stop} (default) or {@code length}. */
    public FakeScript finishReason(String reason) {
        return with(b -> b.finishReason = reason);
    }

    /** Prompt tokens reported in usage (default: words in the request's messages). */
    public FakeScript promptTokens(int tokens) {
        return with(b -> b.promptTokens = tokens);
    }

    /** Every token this script streams, reasoning first. */
    public int tokenCount() {
        return reasoning.size() + answer.size();
    }

    private FakeScript with(java.util.function.Consumer<Draft> change) {
        var draft = new Draft(this);
        change.accept(draft);
        return draft.build();
    }

    private static final class Draft {
        List<String> answer;
        List<String> reasoning;
        ReasoningStyle reasoningStyle;
        Duration firstTokenDelay;
        Duration tokenDelay;
        int disconnectAfter;
        int errorAfter;
        String errorMessage;
        int malformedAfter;
        int stallAfter;
        boolean hangBeforeHeaders;
        int httpStatus;
        String finishReason;
        Integer promptTokens;

        Draft(FakeScript s) {
            answer = s.answer;
            reasoning = s.reasoning;
            reasoningStyle = s.reasoningStyle;
            firstTokenDelay = s.firstTokenDelay;
            tokenDelay = s.tokenDelay;
            disconnectAfter = s.disconnectAfter;
            errorAfter = s.errorAfter;
            errorMessage = s.errorMessage;
            malformedAfter = s.malformedAfter;
            stallAfter = s.stallAfter;
            hangBeforeHeaders = s.hangBeforeHeaders;
            httpStatus = s.httpStatus;
            finishReason = s.finishReason;
            promptTokens = s.promptTokens;
        }

        FakeScript build() {
            return new FakeScript(
                    answer,
                    reasoning,
                    reasoningStyle,
                    firstTokenDelay,
                    tokenDelay,
                    disconnectAfter,
                    errorAfter,
                    errorMessage,
                    malformedAfter,
                    stallAfter,
                    hangBeforeHeaders,
                    httpStatus,
                    finishReason,
                    promptTokens);
        }
    }
}
