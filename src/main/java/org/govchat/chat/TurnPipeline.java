package org.govchat.chat;

import java.util.ArrayList;
import java.util.Locale;
import java.util.UUID;
import org.govchat.conversation.ConversationStatus;
import org.govchat.conversation.Conversations;
import org.govchat.conversation.TurnStarted;
import org.govchat.department.DepartmentCatalog;
import org.govchat.department.DepartmentUnavailable;
import org.govchat.language.Language;
import org.govchat.language.LanguageService;
import org.govchat.model.BackendChoice;
import org.govchat.model.BackendQueueFull;
import org.govchat.model.GenerationRequest;
import org.govchat.model.ModelGateway;
import org.govchat.platform.cluster.AppInstance;
import org.govchat.platform.database.BusyPool;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A turn, step by step, for a citizen or for an officer asking their department's assistant. Everything up
 * to step 5 happens before the response starts, so any refusal is a plain problem response; from step 5
 * on, the answer belongs to the server and survives the client. A citizen's conversation that is with an
 * officer stops after step 2: the question is stored for the officer and no model is asked.
 */
@Service
class TurnPipeline {

    private final QuestionCheck questionCheck;
    private final Conversations conversations;
    private final DepartmentCatalog departments;
    private final LanguageService languages;
    private final ReplyLanguage replyLanguage;
    private final PromptBuilder prompts;
    private final ModelGateway models;
    private final LiveTurns liveTurns;
    private final AppInstance instance;
    private final TransactionTemplate transactions;
    private final BusyPool busyPool;

    TurnPipeline(
            QuestionCheck questionCheck,
            Conversations conversations,
            DepartmentCatalog departments,
            LanguageService languages,
            ReplyLanguage replyLanguage,
            PromptBuilder prompts,
            ModelGateway models,
            LiveTurns liveTurns,
            AppInstance instance,
            PlatformTransactionManager transactionManager,
            BusyPool busyPool) {
        this.questionCheck = questionCheck;
        this.conversations = conversations;
        this.departments = departments;
        this.languages = languages;
        this.replyLanguage = replyLanguage;
        this.prompts = prompts;
        this.models = models;
        this.liveTurns = liveTurns;
        this.instance = instance;
        this.transactions = new TransactionTemplate(transactionManager);
        this.busyPool = busyPool;
    }

    TurnOutcome start(UUID conversationId, String ownerRef, String rawQuestion, Locale interfaceLocale) {
        // 1. the question is acceptable
        var question = questionCheck.check(rawQuestion);
        var detected = languages.detect(question);
        // 2.-4. in one transaction (one connection, one commit): the conversation is the caller's, its
        // assistant is switched on and one of its backends can answer (unless an officer has the
        // conversation), the answer's language is chosen (the question's, or the conversation's when the
        // question shows none), the question and the answer's placeholder are written, and the prompt is
        // built from the memory they belong to. All of it is committed before any model call; if any of it
        // fails, nothing is (no placeholder is left STREAMING). When every database connection is in use by
        // other turns, the question waits for one rather than being turned away.
        var begun = busyPool.patiently(() -> transactions.execute(status -> {
            var started = conversations.beginTurn(conversationId, ownerRef, question, instance.id(), conversation -> {
                if (conversation.status() == ConversationStatus.ACTIVE) {
                    var department = departments.get(conversation.departmentId());
                    if (!department.available()) {
                        throw new DepartmentUnavailable(conversation.departmentId());
                    }
                    if (department.backends().stream().noneMatch(models::isUsable)) {
                        throw new AssistantUnavailable();
                    }
                }
                return replyLanguage
                        .choose(detected, conversation.language(), interfaceLocale)
                        .tag();
            });
            if (started.relayedToOfficer()) {
                return new Begun(started, null, null);
            }
            var profile = departments.activeProfile(started.departmentId());
            // 4. the prompt: guidance (for citizens or for officers), department prompt, reply language,
            // memory (read from PostgreSQL through the chat memory store) ending with the question
            var language = Language.fromTag(started.language());
            var messages = prompts.build(profile, language, conversationId, started.channel());
            var candidates = new ArrayList<BackendChoice>();
            candidates.add(new BackendChoice(profile.backendId(), profile.model()));
            profile.fallbackBackends().forEach(backend -> candidates.add(new BackendChoice(backend, null)));
            return new Begun(
                    started,
                    language,
                    new GenerationRequest(
                            candidates, messages, profile.temperature().doubleValue(), profile.maxOutputTokens()));
        }));
        var started = begun.started();
        if (started.relayedToOfficer()) {
            return new TurnOutcome.RelayedToOfficer(started);
        }
        var turn = liveTurns.open(started, begun.language(), languages.scriptGuard(begun.language()));
        // 5. generation on the profile's backend (falling back in order), streamed into the turn
        try {
            turn.attach(models.generate(begun.request(), turn));
        } catch (BackendQueueFull full) {
            turn.refused("queue-full");
            throw full;
        } catch (RuntimeException e) {
            turn.refused("backend-error");
            throw e;
        }
        return turn;
    }

    /** What the turn's transaction committed, and the prompt built in it. */
    private record Begun(TurnStarted started, Language language, GenerationRequest request) {}
}
