package org.govchat.staff.handoff;

import java.util.Map;
import java.util.UUID;
import org.govchat.conversation.AnswerReviews;
import org.govchat.identity.DepartmentAccess;
import org.govchat.identity.Officer;
import org.govchat.identity.Officers;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Supervised mode: an officer releases a held answer, as written or with their own text (audited). */
@Service
class AnswerApprovals {

    private final AnswerReviews reviews;
    private final TextCheck texts;
    private final Officers officers;
    private final ApplicationEventPublisher events;

    AnswerApprovals(AnswerReviews reviews, TextCheck texts, Officers officers, ApplicationEventPublisher events) {
        this.reviews = reviews;
        this.texts = texts;
        this.officers = officers;
        this.events = events;
    }

    @Transactional
    AnswerReviews.ReviewedAnswer approve(UUID messageId, Officer officer, String editedContent) {
        var replacement = editedContent == null ? null : texts.check(editedContent);
        var reviewed =
                reviews.approve(messageId, DepartmentAccess.servedBy(officer), replacement, officer.displayName());
        events.publishEvent(new OfficerHandoffAction(
                officers.actor(),
                replacement == null ? OfficerHandoffAction.ANSWER_APPROVED : OfficerHandoffAction.ANSWER_EDITED,
                reviewed.departmentId(),
                reviewed.conversationId(),
                Map.of("messageId", messageId.toString())));
        return reviewed;
    }
}
