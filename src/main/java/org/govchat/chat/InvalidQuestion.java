package org.govchat.chat;

import org.govchat.platform.web.TranslatedProblem;
import org.springframework.http.HttpStatus;

/** A question that cannot be asked: empty, too long, or carrying control characters. */
class InvalidQuestion extends TranslatedProblem {

    enum Reason {
        EMPTY("question-empty"),
        TOO_LONG("question-too-long"),
        CONTROL_CHARACTERS("question-control-characters");

        final String slug;

        Reason(String slug) {
            this.slug = slug;
        }
    }

    InvalidQuestion(Reason reason, int maxLength) {
        super(HttpStatus.BAD_REQUEST, reason.slug, "Invalid question", maxLength);
    }
}
