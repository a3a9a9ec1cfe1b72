package org.govchat.chat;

import org.govchat.platform.web.TranslatedProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** None of the department's model backends can take a question now (down, starting, circuit open). */
class AssistantUnavailable extends TranslatedProblem {

    AssistantUnavailable() {
        super(HttpStatus.SERVICE_UNAVAILABLE, "assistant-unavailable", "Assistant unavailable");
        getHeaders().set(HttpHeaders.RETRY_AFTER, "30");
    }
}
