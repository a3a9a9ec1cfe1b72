package org.govchat.conversation;

import org.govchat.platform.web.TranslatedProblem;
import org.springframework.http.HttpStatus;

/** A new question while the previous answer in the same conversation is still being written. */
public class AnswerInProgress extends TranslatedProblem {

    public AnswerInProgress() {
        super(HttpStatus.CONFLICT, "answer-in-progress", "Answer in progress");
    }
}
