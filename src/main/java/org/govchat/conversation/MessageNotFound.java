package org.govchat.conversation;

import org.govchat.platform.web.TranslatedProblem;
import org.springframework.http.HttpStatus;

/** No such message in a conversation the caller owns. */
public class MessageNotFound extends TranslatedProblem {

    public MessageNotFound() {
        super(HttpStatus.NOT_FOUND, "message-not-found", "Message not found");
    }
}
