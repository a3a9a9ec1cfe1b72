package org.govchat.chat;

import java.util.UUID;
import org.springframework.http.ProblemDetail;

/** Payloads of the SSE events of a turn; field names are part of the public API. */
final class StreamEvents {

    private StreamEvents() {}

    record Start(UUID userMessageId, UUID assistantMessageId, String language) {}

    /** The question went to the officer who has the conversation; no answer follows. */
    record Relayed(UUID userMessageId, String language) {}

    /** The answer is held for an officer's approval (supervised mode); its text follows once approved. */
    record Held(UUID assistantMessageId) {}

    record Queued(int position) {}

    record Delta(String text) {}

    record Usage(Integer tokensIn, Integer tokensOut) {}

    record Done(UUID assistantMessageId, String status, Usage usage) {}

    record Error(UUID assistantMessageId, String status, ProblemDetail problem) {}
}
