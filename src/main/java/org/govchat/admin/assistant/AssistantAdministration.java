package org.govchat.admin.assistant;

import java.util.List;
import java.util.function.BiPredicate;
import org.govchat.admin.DepartmentAdministration;
import org.govchat.department.DepartmentSettings;
import org.govchat.department.LocalizedText;
import org.govchat.department.ProfileDraft;
import org.govchat.department.ProfileVersionView;
import org.govchat.identity.Officers;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A department admin's work on their assistant: settings saved as versions, history, differences,
 * rollback, the kill switch and supervised mode. Every call first checks that the admin administers the department
 * (anything else is the same 404 as a department that does not exist); every change is audited in its
 * own transaction.
 */
@Service
class AssistantAdministration {

    /**
     * @param switchedOn the kill switch lets the assistant answer citizens
     * @param supervisedAnswers answers to citizens are held for an officer's approval
     */
    record Settings(boolean switchedOn, boolean supervisedAnswers, ProfileVersionView active) {}

    record Diff(int from, int to, List<SettingsDiff.Change> changes) {}

    private final DepartmentAdministration departments;
    private final DepartmentSettings settings;
    private final SettingsValidation validation;
    private final Officers officers;
    private final ApplicationEventPublisher events;

    AssistantAdministration(
            DepartmentAdministration departments,
            DepartmentSettings settings,
            SettingsValidation validation,
            Officers officers,
            ApplicationEventPublisher events) {
        this.departments = departments;
        this.settings = settings;
        this.validation = validation;
        this.officers = officers;
        this.events = events;
    }

    @Transactional(readOnly = true)
    Settings current(String departmentId) {
        departments.require(departmentId);
        return new Settings(
                settings.isSwitchedOn(departmentId),
                settings.isSupervised(departmentId),
                settings.activeVersion(departmentId));
    }

    @Transactional(readOnly = true)
    List<ProfileVersionView> versions(String departmentId) {
        departments.require(departmentId);
        return settings.versions(departmentId);
    }

    @Transactional(readOnly = true)
    ProfileVersionView version(String departmentId, int version) {
        departments.require(departmentId);
        return settings.version(departmentId, version);
    }

    @Transactional(readOnly = true)
    Diff diff(String departmentId, int from, int to) {
        departments.require(departmentId);
        var before = settings.version(departmentId, from).settings();
        var after = settings.version(departmentId, to).settings();
        return new Diff(from, to, SettingsDiff.between(before, after));
    }

    @Transactional
    ProfileVersionView save(
            String departmentId, int editedVersion, LocalizedText names, Integer retentionDays, ProfileDraft profile) {
        departments.require(departmentId);
        var checked = validation.check(names, retentionDays, profile);
        var previous = settings.activeVersion(departmentId);
        var saved = settings.save(
                departmentId, editedVersion, checked, officers.require().username());
        events.publishEvent(new SettingsChanged(
                officers.actor(),
                departmentId,
                saved.version(),
                previous.version(),
                null,
                SettingsDiff.changedFields(previous.settings(), saved.settings())));
        return saved;
    }

    @Transactional
    ProfileVersionView restore(String departmentId, int version, int editedVersion) {
        departments.require(departmentId);
        var previous = settings.activeVersion(departmentId);
        var saved = settings.restore(
                departmentId, version, editedVersion, officers.require().username());
        events.publishEvent(new SettingsChanged(
                officers.actor(),
                departmentId,
                saved.version(),
                previous.version(),
                version,
                SettingsDiff.changedFields(previous.settings(), saved.settings())));
        return saved;
    }

    @Transactional
    boolean switchAssistant(String departmentId, boolean on) {
        return flip(departmentId, DepartmentSwitched.Which.ASSISTANT, on, settings::switchAssistant);
    }

    @Transactional
    boolean switchSupervision(String departmentId, boolean on) {
        return flip(departmentId, DepartmentSwitched.Which.SUPERVISION, on, settings::switchSupervision);
    }

    /** @param change switches and answers whether it was on before */
    private boolean flip(
            String departmentId, DepartmentSwitched.Which which, boolean on, BiPredicate<String, Boolean> change) {
        departments.require(departmentId);
        var before = change.test(departmentId, on);
        if (before != on) {
            events.publishEvent(new DepartmentSwitched(officers.actor(), departmentId, which, on));
        }
        return on;
    }
}
