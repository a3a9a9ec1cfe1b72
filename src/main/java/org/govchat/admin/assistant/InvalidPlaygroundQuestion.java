package org.govchat.admin.assistant;

import org.govchat.platform.web.TranslatedProblem;
import org.springframework.http.HttpStatus;

/** 400: the playground needs a question of 1 to 4,000 characters. */
class InvalidPlaygroundQuestion extends TranslatedProblem {

    InvalidPlaygroundQuestion() {
        super(HttpStatus.BAD_REQUEST, "invalid-playground-question", "Invalid question");
    }
}
