package org.govchat.chat;

import org.springframework.stereotype.Component;

/** Step 1 of a turn: the question must be something a person could have typed. */
@Component
class QuestionCheck {

    private final ChatProperties properties;

    QuestionCheck(ChatProperties properties) {
        this.properties = properties;
    }

    /** The question, trimmed. @throws InvalidQuestion when it is empty, too long or has control characters */
    String check(String raw) {
        var max = properties.maxQuestionLength();
        if (raw == null || raw.isBlank()) {
            throw new InvalidQuestion(InvalidQuestion.Reason.EMPTY, max);
        }
        var question = raw.strip();
        if (question.codePointCount(0, question.length()) > max) {
            throw new InvalidQuestion(InvalidQuestion.Reason.TOO_LONG, max);
        }
        if (question.codePoints().anyMatch(QuestionCheck::isForbiddenControl)) {
            throw new InvalidQuestion(InvalidQuestion.Reason.CONTROL_CHARACTERS, max);
        }
        return question;
    }

    /** Line breaks and tabs are text; every other control or format-breaking character is not. */
    private static boolean isForbiddenControl(int c) {
        if (c == '\n' || c == '\r' || c == '\t') {
            return false;
        }
        var type = Character.getType(c);
        return type == Character.CONTROL
                || type == Character.UNASSIGNED
                || type == Character.SURROGATE
                || (c >= 0x202A && c <= 0x202E) // bidirectional overrides (spoofing)
                || (c >= 0x2066 && c <= 0x2069);
    }
}
