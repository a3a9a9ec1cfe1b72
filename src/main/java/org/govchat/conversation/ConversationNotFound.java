package org.govchat.conversation;

import java.util.UUID;
import org.govchat.platform.web.TranslatedProblem;
import org.springframework.http.HttpStatus;

/** No such conversation, or not the caller's: the same 404 either way, never its content. */
public class ConversationNotFound extends TranslatedProblem {

    public ConversationNotFound(UUID conversationId) {
        super(HttpStatus.NOT_FOUND, "conversation-not-found", "Conversation not found");
    }
}
