package org.govchat.conversation;

import org.govchat.platform.web.TranslatedProblem;
import org.springframework.http.HttpStatus;

/** An officer closed the conversation: nothing more can be asked in it. */
public class ConversationClosed extends TranslatedProblem {

    public ConversationClosed() {
        super(HttpStatus.CONFLICT, "conversation-closed", "Conversation closed");
    }
}
