package org.govchat.admin.assistant;

import java.net.URI;
import java.util.List;
import org.govchat.department.LocalizedText;
import org.govchat.department.ProfileDraft;
import org.govchat.department.ProfileVersionView;
import org.govchat.model.BackendStatus;
import org.govchat.model.ModelGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A department's assistant in the admin console: settings, versions, rollback, kill switch, supervised mode,
 * backends.
 */
@RestController
@RequestMapping("/api/v1/admin")
class AssistantController {

    private final AssistantAdministration assistants;
    private final ModelGateway models;
    private final SettingsValidation validation;

    AssistantController(AssistantAdministration assistants, ModelGateway models, SettingsValidation validation) {
        this.assistants = assistants;
        this.models = models;
        this.validation = validation;
    }

    /**
     * What the configuration offers, with each backend's live state.
     *
     * @param state {@code UP}, {@code STARTING}, {@code DOWN} or {@code CIRCUIT_OPEN}
     */
    record Backend(
            String id,
            String type,
            String defaultModel,
            List<String> models,
            String state,
            String reason,
            int inFlight,
            int queued) {
        static Backend of(BackendStatus status) {
            return new Backend(
                    status.id(),
                    status.type() == null ? null : status.type().name(),
                    status.defaultModel(),
                    status.models(),
                    status.state().name(),
                    status.reason(),
                    status.inFlight(),
                    status.queued());
        }
    }

    /** @param editedVersion the version the admin's edit started from (409 if another was saved meanwhile) */
    record SaveSettings(Integer editedVersion, LocalizedText names, Integer retentionDays, ProfileDraft profile) {}

    record Restore(Integer editedVersion) {}

    record Switch(Boolean on) {}

    record Switched(boolean switchedOn) {}

    record Supervision(boolean supervisedAnswers) {}

    record VersionSummary(
            int version, boolean active, Integer restoredFrom, String createdBy, java.time.Instant createdAt) {
        static VersionSummary of(ProfileVersionView view) {
            return new VersionSummary(
                    view.version(), view.active(), view.restoredFrom(), view.createdBy(), view.createdAt());
        }
    }

    @GetMapping("/backends")
    List<Backend> backends() {
        return models.backends().stream().map(Backend::of).toList();
    }

    @GetMapping("/departments/{departmentId}/settings")
    AssistantAdministration.Settings settings(@PathVariable String departmentId) {
        return assistants.current(departmentId);
    }

    @PutMapping("/departments/{departmentId}/settings")
    ResponseEntity<ProfileVersionView> save(@PathVariable String departmentId, @RequestBody SaveSettings body) {
        var saved = assistants.save(
                departmentId,
                validation.required("editedVersion", body.editedVersion()),
                body.names(),
                body.retentionDays(),
                body.profile());
        return created(departmentId, saved);
    }

    @GetMapping("/departments/{departmentId}/versions")
    List<VersionSummary> versions(@PathVariable String departmentId) {
        return assistants.versions(departmentId).stream()
                .map(VersionSummary::of)
                .toList();
    }

    @GetMapping("/departments/{departmentId}/versions/{version}")
    ProfileVersionView version(@PathVariable String departmentId, @PathVariable int version) {
        return assistants.version(departmentId, version);
    }

    @GetMapping("/departments/{departmentId}/versions/diff")
    AssistantAdministration.Diff diff(@PathVariable String departmentId, @RequestParam int from, @RequestParam int to) {
        return assistants.diff(departmentId, from, to);
    }

    /** Rollback: a new version with the content of {@code version}. */
    @PostMapping("/departments/{departmentId}/versions/{version}/restore")
    ResponseEntity<ProfileVersionView> restore(
            @PathVariable String departmentId, @PathVariable int version, @RequestBody Restore body) {
        return created(
                departmentId,
                assistants.restore(departmentId, version, validation.required("editedVersion", body.editedVersion())));
    }

    /** The kill switch. */
    @PutMapping("/departments/{departmentId}/assistant")
    Switched switchAssistant(@PathVariable String departmentId, @RequestBody Switch body) {
        return new Switched(assistants.switchAssistant(departmentId, validation.required("on", body.on())));
    }

    /** Supervised mode: {@code on} holds every answer to a citizen until an officer approves or edits it. */
    @PutMapping("/departments/{departmentId}/supervision")
    Supervision switchSupervision(@PathVariable String departmentId, @RequestBody Switch body) {
        return new Supervision(assistants.switchSupervision(departmentId, validation.required("on", body.on())));
    }

    private static ResponseEntity<ProfileVersionView> created(String departmentId, ProfileVersionView saved) {
        return ResponseEntity.created(
                        URI.create("/api/v1/admin/departments/" + departmentId + "/versions/" + saved.version()))
                .body(saved);
    }
}
