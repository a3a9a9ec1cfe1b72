package org.govchat.conversation;

import org.govchat.platform.web.TranslatedProblem;
import org.springframework.http.HttpStatus;

/** Another officer approved or edited this answer first. */
public class AnswerAlreadyReviewed extends TranslatedProblem {

    public AnswerAlreadyReviewed() {
        super(HttpStatus.CONFLICT, "answer-already-reviewed", "Answer already reviewed");
    }
}
