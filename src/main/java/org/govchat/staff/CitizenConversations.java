package org.govchat.staff;

import java.util.UUID;
import org.govchat.conversation.ConversationNotFound;
import org.govchat.conversation.ConversationView;
import org.govchat.conversation.Conversations;
import org.govchat.conversation.MessagePage;
import org.govchat.identity.DepartmentAccess;
import org.govchat.identity.Officers;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Citizen conversations as officers see them: only their departments', and every opening is audited. */
@Service
class CitizenConversations {

    record Opened(ConversationView conversation, MessagePage messages) {}

    private final Conversations conversations;
    private final DepartmentAccess access;
    private final Officers officers;
    private final ApplicationEventPublisher events;

    CitizenConversations(
            Conversations conversations, DepartmentAccess access, Officers officers, ApplicationEventPublisher events) {
        this.conversations = conversations;
        this.access = access;
        this.officers = officers;
        this.events = events;
    }

    /**
     * Not read-only: the audit row is written in this transaction.
     *
     * @throws ConversationNotFound when it does not exist or is not of the officer's departments
     */
    @Transactional
    Opened open(UUID conversationId, Integer beforeSeq, int limit) {
        var scope = access.served();
        var conversation = conversations.inDepartments(conversationId, scope);
        var messages = conversations.pageInDepartments(conversationId, scope, beforeSeq, limit);
        events.publishEvent(
                new CitizenConversationOpened(officers.actor(), conversation.departmentId(), conversationId));
        return new Opened(conversation, messages);
    }
}
