package org.govchat.staff;

import java.util.UUID;
import org.govchat.conversation.ConversationNotFound;
import org.govchat.conversation.ConversationView;
import org.govchat.conversation.Conversations;
import org.govchat.conversation.LiveConversations;
import org.govchat.conversation.TranscriptPage;
import org.govchat.identity.DepartmentAccess;
import org.govchat.identity.Officers;
import org.govchat.staff.handoff.Handoffs;
import org.govchat.staff.handoff.OfficerHandoffView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Citizen conversations as officers see them: only their departments', and every opening (of the
 * transcript, or of its live stream) is audited.
 */
@Service
public class CitizenConversations {

    /** @param handoff where the conversation stands with officers */
    public record Opened(ConversationView conversation, TranscriptPage messages, OfficerHandoffView handoff) {}

    private final Conversations conversations;
    private final LiveConversations live;
    private final Handoffs handoffs;
    private final DepartmentAccess access;
    private final Officers officers;
    private final ApplicationEventPublisher events;

    CitizenConversations(
            Conversations conversations,
            LiveConversations live,
            Handoffs handoffs,
            DepartmentAccess access,
            Officers officers,
            ApplicationEventPublisher events) {
        this.conversations = conversations;
        this.live = live;
        this.handoffs = handoffs;
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
    public Opened open(UUID conversationId, Integer beforeSeq, int limit) {
        var scope = access.served();
        var conversation = Handoffs.citizens(conversations.inDepartments(conversationId, scope));
        var messages = live.transcript(conversationId, scope, beforeSeq, limit);
        events.publishEvent(new CitizenConversationOpened(
                officers.actor(), conversation.departmentId(), conversationId, false, null));
        return new Opened(conversation, messages, handoffs.officerView(conversationId, officers.require()));
    }

    /**
     * Audits an officer starting to follow the conversation live (from the message after {@code afterSeq}).
     *
     * @throws ConversationNotFound when it does not exist or is not of the officer's departments
     */
    @Transactional
    public void openLive(UUID conversationId, int afterSeq) {
        var conversation = Handoffs.citizens(conversations.inDepartments(conversationId, access.served()));
        events.publishEvent(new CitizenConversationOpened(
                officers.actor(), conversation.departmentId(), conversationId, true, afterSeq));
    }
}
