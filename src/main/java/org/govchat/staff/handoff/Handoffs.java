package org.govchat.staff.handoff;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.govchat.conversation.AnswerInProgress;
import org.govchat.conversation.Channel;
import org.govchat.conversation.ConversationClosed;
import org.govchat.conversation.ConversationDeleted;
import org.govchat.conversation.ConversationNotFound;
import org.govchat.conversation.ConversationSignals;
import org.govchat.conversation.ConversationStatus;
import org.govchat.conversation.ConversationView;
import org.govchat.conversation.Conversations;
import org.govchat.conversation.LiveConversations;
import org.govchat.conversation.MessageRole;
import org.govchat.conversation.TranscriptMessage;
import org.govchat.department.DepartmentCatalog;
import org.govchat.department.DepartmentNotFound;
import org.govchat.identity.DepartmentAccess;
import org.govchat.identity.DepartmentScope;
import org.govchat.identity.Officer;
import org.govchat.identity.Officers;
import org.govchat.platform.i18n.CitizenLocales;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Handing a citizen's conversation from the assistant to an officer and back.
 *
 * <pre>
 *   citizen asks ──► WAITING ──(claim deadline)──► TIMED_OUT
 *                       │  \                          │   \
 *                     claim  └──── contact / case reference ───► FOLLOW_UP ──(officer done)──► ended
 *                       ▼                             │
 *                    CLAIMED ──► hand back (assistant again) │ close (conversation ends)
 * </pre>
 *
 * While a handoff waits or is claimed the conversation is {@code ESCALATED}: the citizen's messages are
 * stored for the officer and no model answers them. Every change locks the conversation row first (the lock
 * citizens' turns take too), then changes the handoff, adds a notice for the citizen in their language and
 * signals followers on every replica; so of many officers claiming at once exactly one wins, the others
 * get 409. Officers' actions are audited in the same transaction.
 */
@Service
public class Handoffs {

    private final JdbcClient jdbc;
    private final LiveConversations live;
    private final Conversations conversations;
    private final DepartmentCatalog departments;
    private final ConversationSignals signals;
    private final HandoffNotices notices;
    private final ContactCheck contacts;
    private final CaseReferences references;
    private final Officers officers;
    private final ApplicationEventPublisher events;
    private final HandoffProperties properties;

    Handoffs(
            JdbcClient jdbc,
            LiveConversations live,
            Conversations conversations,
            DepartmentCatalog departments,
            ConversationSignals signals,
            HandoffNotices notices,
            ContactCheck contacts,
            CaseReferences references,
            Officers officers,
            ApplicationEventPublisher events,
            HandoffProperties properties) {
        this.jdbc = jdbc;
        this.live = live;
        this.conversations = conversations;
        this.departments = departments;
        this.signals = signals;
        this.notices = notices;
        this.contacts = contacts;
        this.references = references;
        this.officers = officers;
        this.events = events;
        this.properties = properties;
    }

    /** What the case reference and contact of a follow-up came out as. */
    public record FollowUp(String caseReference, String contact) {}

    // ---- the citizen's side ----

    /** @throws ConversationNotFound unless it is the citizen's */
    @Transactional(readOnly = true)
    public CitizenHandoffView citizenView(UUID conversationId, String ownerRef) {
        var conversation = conversations.owned(conversationId, ownerRef);
        return citizenView(conversation, open(conversationId).orElse(null));
    }

    /**
     * The citizen asks for a person. Asking again while one is awaited or present changes nothing.
     *
     * @param pageLocale the language of the citizen's page, for the notices of a conversation without messages
     * @throws HandoffProblems.HandoffUnavailable when the department does not offer it
     * @throws AnswerInProgress while an answer is being written or awaits approval
     */
    @Transactional
    public CitizenHandoffView request(UUID conversationId, String ownerRef, HandoffReason reason, Locale pageLocale) {
        var conversation = live.lockOwned(conversationId, ownerRef);
        if (!offered(conversation)) {
            throw new HandoffProblems.HandoffUnavailable();
        }
        if (conversation.status() == ConversationStatus.CLOSED) {
            throw new ConversationClosed();
        }
        var existing = open(conversationId);
        if (existing.isPresent()) {
            if (conversation.status() == ConversationStatus.ESCALATED) {
                return citizenView(conversation, existing.get());
            }
            throw new HandoffProblems.HandoffAlreadyRequested();
        }
        if (live.answerInProgress(conversationId)) {
            throw new AnswerInProgress();
        }
        var language = conversation.language() != null ? conversation.language() : languageOf(pageLocale);
        jdbc.sql("""
                insert into handoff (id, conversation_id, department_id, reason, language, claim_deadline)
                values (?, ?, ?, ?, ?, now() + make_interval(secs => ?))
                """)
                .params(
                        UUID.randomUUID(),
                        conversationId,
                        conversation.departmentId(),
                        reason.name(),
                        language,
                        properties.claimTimeout().toMillis() / 1000.0)
                .update();
        live.changeStatus(conversationId, ConversationStatus.ESCALATED);
        var departmentName =
                departments.get(conversation.departmentId()).names().in(HandoffNotices.locale(language));
        notice(conversationId, language, notices.requested(language, departmentName));
        signals.changed(conversationId, conversation.departmentId(), true);
        return citizenView(conversationId, ownerRef);
    }

    /**
     * The citizen goes back to the assistant instead of (waiting for) an officer.
     *
     * @throws HandoffProblems.HandoffNotOpen when the conversation is not with an officer
     */
    @Transactional
    public CitizenHandoffView cancel(UUID conversationId, String ownerRef) {
        var conversation = live.lockOwned(conversationId, ownerRef);
        var handoff = open(conversationId)
                .filter(h -> conversation.status() == ConversationStatus.ESCALATED)
                .orElseThrow(HandoffProblems.HandoffNotOpen::new);
        end(handoff, "CANCELLED", null);
        live.changeStatus(conversationId, ConversationStatus.ACTIVE);
        notice(
                conversationId,
                noticeLanguage(conversation, handoff),
                notices.cancelled(noticeLanguage(conversation, handoff)));
        signals.changed(conversationId, conversation.departmentId(), true);
        return citizenView(conversationId, ownerRef);
    }

    /**
     * Nobody came (or the citizen does not want to wait): they leave a phone number or e-mail address for a
     * call back, or just take a case reference; either way it lands in the department's inbox and the
     * conversation goes back to the assistant meanwhile.
     *
     * @param rawContact {@code null} or blank for a case reference only
     * @throws HandoffProblems.ContactInvalid when the contact is neither a valid phone number nor an e-mail address
     * @throws HandoffProblems.HandoffNotOpen when no handoff waits (an officer has it, or none was asked for)
     */
    @Transactional
    public FollowUp followUp(UUID conversationId, String ownerRef, String rawContact) {
        var contact = rawContact == null || rawContact.isBlank() ? null : contacts.check(rawContact);
        var conversation = live.lockOwned(conversationId, ownerRef);
        var handoff = open(conversationId).orElseThrow(HandoffProblems.HandoffNotOpen::new);
        if (handoff.phase() == HandoffPhase.FOLLOW_UP) {
            return new FollowUp(handoff.caseReference(), handoff.contact());
        }
        if (handoff.phase() == HandoffPhase.CLAIMED) {
            throw new HandoffProblems.HandoffNotOpen();
        }
        var reference = references.next(conversation.departmentId());
        jdbc.sql("""
                update handoff set follow_up_at = now(), contact = ?, contact_kind = ?, case_reference = ?
                where id = ?
                """)
                .params(
                        contact == null ? null : contact.value(),
                        contact == null ? null : contact.kind(),
                        reference,
                        handoff.id())
                .update();
        live.changeStatus(conversationId, ConversationStatus.ACTIVE);
        var language = noticeLanguage(conversation, handoff);
        notice(
                conversationId,
                language,
                notices.followUp(language, reference, contact == null ? null : contact.display()));
        signals.changed(conversationId, conversation.departmentId(), true);
        return new FollowUp(reference, contact == null ? null : contact.value());
    }

    // ---- the officer's side ----

    /** @throws ConversationNotFound unless it is a conversation of the officer's departments */
    @Transactional(readOnly = true)
    public OfficerHandoffView officerView(UUID conversationId, Officer officer) {
        var conversation = citizens(conversations.inDepartments(conversationId, DepartmentAccess.servedBy(officer)));
        return officerView(conversation, open(conversationId).orElse(null), officer);
    }

    /**
     * Officers handle citizens' conversations here; an officer's own conversation with the internal assistant
     * does not exist for anyone else.
     *
     * @throws ConversationNotFound for a conversation of the staff channel
     */
    public static ConversationView citizens(ConversationView conversation) {
        if (conversation.channel() != Channel.CITIZEN) {
            throw new ConversationNotFound(conversation.id());
        }
        return conversation;
    }

    /**
     * The officer takes the conversation; of several claiming at once, exactly one wins.
     *
     * @throws HandoffProblems.HandoffAlreadyClaimed when another officer has it
     * @throws HandoffProblems.HandoffNotOpen when nobody waits in it
     */
    @Transactional
    public OfficerHandoffView claim(UUID conversationId, Officer officer) {
        var conversation = lockForOfficer(conversationId, officer);
        var handoff = open(conversationId).orElseThrow(HandoffProblems.HandoffNotOpen::new);
        if (handoff.claimedBy(officer.username())) {
            return officerView(conversation, handoff, officer);
        }
        if (handoff.claimedAt() != null) {
            throw new HandoffProblems.HandoffAlreadyClaimed(handoff.claimedByName());
        }
        if (handoff.phase() == HandoffPhase.FOLLOW_UP) {
            throw new HandoffProblems.HandoffNotOpen();
        }
        // the conversation's lock already serialises claims; the condition is what decides
        var claimed = jdbc.sql("""
                update handoff set claimed_at = now(), claimed_by = ?, claimed_by_name = ?
                where id = ? and claimed_at is null and ended_at is null
                """)
                .params(officer.username(), officer.displayName(), handoff.id())
                .update();
        if (claimed == 0) {
            throw new HandoffProblems.HandoffAlreadyClaimed(null);
        }
        var language = noticeLanguage(conversation, handoff);
        notice(conversationId, language, notices.claimed(language));
        audit(OfficerHandoffAction.CLAIMED, conversation, Map.of("waitedSeconds", waited(handoff)));
        signals.changed(conversationId, conversation.departmentId(), true);
        return officerView(conversation, open(conversationId).orElseThrow(), officer);
    }

    /**
     * The officer who has the conversation writes to the citizen.
     *
     * @throws HandoffProblems.HandoffNotYours unless the officer has claimed it
     */
    @Transactional
    public TranscriptMessage reply(UUID conversationId, Officer officer, String text) {
        var conversation = lockForOfficer(conversationId, officer);
        var handoff = claimedBy(conversationId, officer);
        var message = live.append(conversationId, MessageRole.STAFF, text, null, officer.displayName());
        audit(
                OfficerHandoffAction.REPLIED,
                conversation,
                Map.of("messageId", message.id().toString()));
        signals.changed(handoff.conversationId(), conversation.departmentId(), false);
        return message;
    }

    /** The officer gives the conversation back to the assistant. */
    @Transactional
    public OfficerHandoffView handBack(UUID conversationId, Officer officer) {
        var conversation = lockForOfficer(conversationId, officer);
        var handoff = claimedBy(conversationId, officer);
        end(handoff, "HANDED_BACK", officer.username());
        live.changeStatus(conversationId, ConversationStatus.ACTIVE);
        var language = noticeLanguage(conversation, handoff);
        notice(conversationId, language, notices.handedBack(language));
        audit(OfficerHandoffAction.HANDED_BACK, conversation, Map.of());
        signals.changed(conversationId, conversation.departmentId(), true);
        return officerView(conversationId, officer);
    }

    /**
     * The officer who has the conversation ends it (nothing more can be asked in it); or, for a citizen who
     * left a contact or took a case reference, any officer of the department marks the follow-up done.
     */
    @Transactional
    public OfficerHandoffView close(UUID conversationId, Officer officer) {
        var conversation = lockForOfficer(conversationId, officer);
        var handoff = open(conversationId).orElseThrow(HandoffProblems.HandoffNotOpen::new);
        if (handoff.phase() == HandoffPhase.FOLLOW_UP) {
            end(handoff, "FOLLOWED_UP", officer.username());
            audit(OfficerHandoffAction.FOLLOWED_UP, conversation, Map.of("caseReference", handoff.caseReference()));
        } else {
            if (!handoff.claimedBy(officer.username())) {
                throw new HandoffProblems.HandoffNotYours();
            }
            end(handoff, "CLOSED", officer.username());
            live.changeStatus(conversationId, ConversationStatus.CLOSED);
            var language = noticeLanguage(conversation, handoff);
            notice(conversationId, language, notices.closed(language));
            audit(OfficerHandoffAction.CLOSED, conversation, Map.of());
        }
        signals.changed(conversationId, conversation.departmentId(), true);
        return officerView(conversationId, officer);
    }

    // ---- time ----

    /** Handoffs whose claim deadline has passed without anyone claiming them. */
    @Transactional(readOnly = true)
    List<UUID> overdue(int limit) {
        return jdbc.sql("""
                select conversation_id from handoff
                where ended_at is null and claimed_at is null and timed_out_at is null and follow_up_at is null
                  and claim_deadline <= now()
                order by claim_deadline limit ?
                """).param(limit).query(UUID.class).list();
    }

    /**
     * Tells the citizen nobody is free, if the handoff is still unclaimed past its deadline (replicas racing
     * here serialise on the conversation's lock; only the first changes anything).
     *
     * @return whether this call timed it out
     */
    @Transactional
    boolean timeOut(UUID conversationId) {
        ConversationView conversation;
        try {
            conversation = live.lockInDepartments(conversationId, DepartmentScope.every());
        } catch (ConversationNotFound erased) {
            return false;
        }
        var handoff = jdbc.sql("""
                update handoff set timed_out_at = now()
                where conversation_id = ? and ended_at is null and claimed_at is null and timed_out_at is null
                  and follow_up_at is null and claim_deadline <= now()
                returning *
                """).param(conversationId).query(HandoffRow::of).optional();
        if (handoff.isEmpty()) {
            return false;
        }
        var language = noticeLanguage(conversation, handoff.get());
        notice(conversationId, language, notices.timedOut(language));
        signals.changed(conversationId, conversation.departmentId(), true);
        return true;
    }

    /** A citizen erased a conversation (with its handoff): inboxes and officers following it look again. */
    @EventListener
    void on(ConversationDeleted deleted) {
        signals.changed(deleted.conversationId(), deleted.departmentId(), true);
    }

    // ---- reading ----

    Optional<HandoffRow> open(UUID conversationId) {
        return jdbc.sql("select * from handoff where conversation_id = ? and ended_at is null")
                .param(conversationId)
                .query(HandoffRow::of)
                .optional();
    }

    /** The open handoffs of the departments in {@code scope}, oldest request first. */
    List<HandoffRow> openIn(DepartmentScope scope, int limit) {
        return jdbc.sql("""
                select * from handoff
                where ended_at is null and (?::boolean or department_id = any(?::text[]))
                order by requested_at limit ?
                """)
                .params(scope.everyDepartment(), scope.departmentIdArray(), limit)
                .query(HandoffRow::of)
                .list();
    }

    CitizenHandoffView citizenView(ConversationView conversation, HandoffRow handoff) {
        return new CitizenHandoffView(
                offered(conversation),
                conversation.status(),
                handoff == null ? null : handoff.phase(),
                handoff == null ? null : handoff.reason(),
                handoff == null ? null : handoff.requestedAt(),
                handoff == null ? null : handoff.claimDeadline(),
                handoff == null ? null : handoff.caseReference(),
                handoff != null && handoff.contact() != null);
    }

    static OfficerHandoffView officerView(ConversationView conversation, HandoffRow handoff, Officer officer) {
        return OfficerHandoffView.of(
                conversation.id(),
                conversation.departmentId(),
                conversation.status(),
                conversation.language(),
                handoff,
                officer.username());
    }

    // ---- helpers ----

    private ConversationView lockForOfficer(UUID conversationId, Officer officer) {
        return citizens(live.lockInDepartments(conversationId, DepartmentAccess.servedBy(officer)));
    }

    private HandoffRow claimedBy(UUID conversationId, Officer officer) {
        var handoff = open(conversationId).orElseThrow(HandoffProblems.HandoffNotOpen::new);
        if (!handoff.claimedBy(officer.username()) || handoff.phase() != HandoffPhase.CLAIMED) {
            throw new HandoffProblems.HandoffNotYours();
        }
        return handoff;
    }

    private void end(HandoffRow handoff, String outcome, String endedBy) {
        jdbc.sql("update handoff set ended_at = now(), outcome = ?, ended_by = ? where id = ?")
                .params(outcome, endedBy, handoff.id())
                .update();
    }

    private void notice(UUID conversationId, String language, String text) {
        live.append(conversationId, MessageRole.SYSTEM, text, language, null);
    }

    private void audit(String action, ConversationView conversation, Map<String, Object> details) {
        events.publishEvent(new OfficerHandoffAction(
                officers.actor(), action, conversation.departmentId(), conversation.id(), details));
    }

    private boolean offered(ConversationView conversation) {
        if (conversation.channel() != Channel.CITIZEN) {
            return false;
        }
        try {
            return departments.activeProfile(conversation.departmentId()).handoffEnabled();
        } catch (DepartmentNotFound noActiveProfile) {
            return false;
        }
    }

    private static String noticeLanguage(ConversationView conversation, HandoffRow handoff) {
        return conversation.language() != null ? conversation.language() : handoff.language();
    }

    private static String languageOf(Locale pageLocale) {
        var supported = CitizenLocales.toSupported(pageLocale);
        if (CitizenLocales.TRADITIONAL_CHINESE.equals(supported)) {
            return "zh-Hant";
        }
        return CitizenLocales.SIMPLIFIED_CHINESE.equals(supported) ? "zh-Hans" : "en";
    }

    private static long waited(HandoffRow handoff) {
        return Math.max(
                0, Instant.now().getEpochSecond() - handoff.requestedAt().getEpochSecond());
    }
}
