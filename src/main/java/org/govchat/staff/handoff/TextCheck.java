package org.govchat.staff.handoff;

import org.springframework.stereotype.Component;

/** An officer's message to a citizen (or the text replacing a held answer) must be something one can read. */
@Component
class TextCheck {

    static final int MAX_LENGTH = 4000;

    /** The text, trimmed. @throws HandoffProblems.InvalidText when empty, too long or with control characters */
    String check(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new HandoffProblems.InvalidText("text-empty", MAX_LENGTH);
        }
        var text = raw.strip();
        if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
            throw new HandoffProblems.InvalidText("text-too-long", MAX_LENGTH);
        }
        var unreadable = text.codePoints()
                .anyMatch(c -> c != '\n' && c != '\r' && c != '\t' && Character.getType(c) == Character.CONTROL);
        if (unreadable) {
            throw new HandoffProblems.InvalidText("text-control-characters", MAX_LENGTH);
        }
        return text;
    }
}
