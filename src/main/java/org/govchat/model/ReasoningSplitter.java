package org.govchat.model;

import java.util.function.Consumer;

/**
 * Takes DeepSeek-R1 style {@code <think>…</think>} reasoning out of a content stream. Tags may arrive cut
 * anywhere across chunks, so a possible beginning of a tag is held back until the next chunk decides it.
 * Whitespace that opens the answer (typically the blank line after {@code </think>}) is dropped.
 */
final class ReasoningSplitter {

    private static final String OPEN = "<think>";
    private static final String CLOSE = "</think>";

    private final Consumer<String> answer;
    private final Consumer<String> reasoning;
    private final StringBuilder pending = new StringBuilder();
    private boolean thinking;
    private boolean answerNotStarted = true;

    ReasoningSplitter(Consumer<String> answer, Consumer<String> reasoning) {
        this.answer = answer;
        this.reasoning = reasoning;
    }

    void accept(String chunk) {
        if (pending.isEmpty() && chunk.indexOf('<') < 0) {
            emit(chunk); // the common case: plain text, nothing to hold back
            return;
        }
        pending.append(chunk);
        while (true) {
            var tag = thinking ? CLOSE : OPEN;
            int at = pending.indexOf(tag);
            if (at >= 0) {
                emit(pending.substring(0, at));
                pending.delete(0, at + tag.length());
                thinking = !thinking;
                continue;
            }
            int held = partialTagAtEnd(pending, tag);
            emit(pending.substring(0, pending.length() - held));
            pending.delete(0, pending.length() - held);
            return;
        }
    }

    /** The stream ended: what was held back for a tag that never came is plain text after all. */
    void finish() {
        emit(pending.toString());
        pending.setLength(0);
    }

    private void emit(String text) {
        if (text.isEmpty()) {
            return;
        }
        if (thinking) {
            reasoning.accept(text);
            return;
        }
        if (answerNotStarted) {
            text = text.stripLeading();
            if (text.isEmpty()) {
                return;
            }
            answerNotStarted = false;
        }
        answer.accept(text);
    }

    /** Length of the longest end of {@code text} that is a proper beginning of {@code tag}. */
    static int partialTagAtEnd(CharSequence text, String tag) {
        for (int length = Math.min(tag.length() - 1, text.length()); length > 0; length--) {
            int from = text.length() - length;
            boolean matches = true;
            for (int i = 0; i < length && matches; i++) {
                matches = text.charAt(from + i) == tag.charAt(i);
            }
            if (matches) {
                return length;
            }
        }
        return 0;
    }
}
