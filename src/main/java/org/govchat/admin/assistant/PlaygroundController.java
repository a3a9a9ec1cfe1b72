package org.govchat.admin.assistant;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import org.govchat.admin.DepartmentAdministration;
import org.govchat.chat.PromptPreview;
import org.govchat.department.ProfileDraft;
import org.govchat.identity.Officers;
import org.govchat.language.Language;
import org.govchat.language.LanguageService;
import org.govchat.model.BackendChoice;
import org.govchat.model.Generation;
import org.govchat.model.GenerationRequest;
import org.govchat.model.ModelGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * The playground: an unsaved profile answers a test question on its backend (and fallbacks), streamed
 * with the citizen stream's event names ({@code queued}, {@code delta}, {@code done}, {@code error}) plus
 * {@code start}, {@code attempt} and {@code reasoning}. No conversation or message is written; the
 * generation belongs to the connection and stops when the admin leaves.
 */
@RestController
class PlaygroundController {

    private static final Logger log = LoggerFactory.getLogger(PlaygroundController.class);
    static final int MAX_QUESTION = 4000;
    private static final long KEEP_ALIVE_MILLIS = 15_000;

    private final DepartmentAdministration departments;
    private final SettingsValidation validation;
    private final LanguageService languages;
    private final PromptPreview prompts;
    private final ModelGateway models;
    private final Officers officers;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;

    PlaygroundController(
            DepartmentAdministration departments,
            SettingsValidation validation,
            LanguageService languages,
            PromptPreview prompts,
            ModelGateway models,
            Officers officers,
            ApplicationEventPublisher events,
            JsonMapper json) {
        this.departments = departments;
        this.validation = validation;
        this.languages = languages;
        this.prompts = prompts;
        this.models = models;
        this.officers = officers;
        this.events = events;
        this.json = json;
    }

    /** @param language reply language tag; {@code null}: the question's, as for a citizen */
    record Trial(ProfileDraft profile, String question, String language) {}

    record Start(String language) {}

    @PostMapping(
            path = "/api/v1/admin/departments/{departmentId}/playground",
            produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<StreamingResponseBody> run(
            @PathVariable String departmentId, @RequestBody Trial trial, HttpServletResponse response) {
        departments.require(departmentId);
        var profile = validation.checkProfile(trial.profile());
        var question = trial.question() == null ? "" : trial.question().strip();
        if (question.isEmpty() || question.codePointCount(0, question.length()) > MAX_QUESTION) {
            throw new InvalidPlaygroundQuestion();
        }
        Language language;
        try {
            language = trial.language() != null
                    ? Language.fromTag(trial.language())
                    : languages.detect(question).language();
        } catch (IllegalArgumentException unknown) {
            throw new InvalidPlaygroundQuestion();
        }
        var candidates = new ArrayList<BackendChoice>();
        candidates.add(new BackendChoice(profile.backendId(), profile.model()));
        profile.fallbackBackends().forEach(backend -> candidates.add(new BackendChoice(backend, null)));
        var request = new GenerationRequest(
                candidates,
                prompts.firstQuestion(profile.systemPrompt(), language, question),
                profile.temperature().doubleValue(),
                profile.maxOutputTokens());
        events.publishEvent(new PlaygroundUsed(officers.actor(), departmentId, profile.backendId(), profile.model()));
        var run = new PlaygroundRun(languages.scriptGuard(language));
        var generation = models.generate(request, run);
        StreamingResponseBody body = out -> stream(run, generation, language, out, response);
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_EVENT_STREAM, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("X-Accel-Buffering", "no")
                .body(body);
    }

    private void stream(
            PlaygroundRun run,
            Generation generation,
            Language language,
            java.io.OutputStream out,
            HttpServletResponse response) {
        try {
            write(out, response, "start", new Start(language.tag()));
            while (true) {
                var event = run.next(KEEP_ALIVE_MILLIS);
                if (event == null) {
                    out.write(": keep-alive\n\n".getBytes(StandardCharsets.US_ASCII));
                    response.flushBuffer();
                    continue;
                }
                write(out, response, event.name(), event.data());
                if (event.isFinal()) {
                    return;
                }
            }
        } catch (IOException gone) {
            log.debug("Playground client left: {}", gone.getMessage());
            generation.cancel();
        } catch (InterruptedException e) {
            generation.cancel();
            Thread.currentThread().interrupt();
        }
    }

    private void write(java.io.OutputStream out, HttpServletResponse response, String name, Object data)
            throws IOException {
        out.write(("event: " + name + "\ndata: ").getBytes(StandardCharsets.US_ASCII));
        out.write(json.writeValueAsBytes(data));
        out.write("\n\n".getBytes(StandardCharsets.US_ASCII));
        response.flushBuffer();
    }
}
