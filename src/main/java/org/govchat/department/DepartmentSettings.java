package org.govchat.department;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changing departments: their settings as a history of profile versions (a save or a rollback writes a
 * new version and makes it the active one; a version is never changed in place), the kill switch, and
 * supervised mode. Callers check who may do this; every change reaches every replica at once.
 */
@Service
public class DepartmentSettings {

    private final DepartmentRepository departments;
    private final AssistantProfileRepository profiles;
    private final DepartmentChanges changes;
    private final JdbcClient jdbc;

    DepartmentSettings(
            DepartmentRepository departments,
            AssistantProfileRepository profiles,
            DepartmentChanges changes,
            JdbcClient jdbc) {
        this.departments = departments;
        this.profiles = profiles;
        this.changes = changes;
        this.jdbc = jdbc;
    }

    /** Every version, newest first. */
    @Transactional(readOnly = true)
    public List<ProfileVersionView> versions(String departmentId) {
        department(departmentId);
        return profiles.findByDepartmentIdOrderByVersionDesc(departmentId).stream()
                .map(AssistantProfile::toVersionView)
                .toList();
    }

    /** @throws ProfileVersionNotFound when the department has no such version */
    @Transactional(readOnly = true)
    public ProfileVersionView version(String departmentId, int version) {
        department(departmentId);
        return profiles.findByDepartmentIdAndVersion(departmentId, version)
                .map(AssistantProfile::toVersionView)
                .orElseThrow(() -> new ProfileVersionNotFound(version));
    }

    /** The version in force. @throws DepartmentNotFound when there is none */
    @Transactional(readOnly = true)
    public ProfileVersionView activeVersion(String departmentId) {
        department(departmentId);
        return profiles.findByDepartmentIdAndActiveTrue(departmentId)
                .map(AssistantProfile::toVersionView)
                .orElseThrow(() -> new DepartmentNotFound(departmentId));
    }

    /** Whether the kill switch lets the assistant answer citizens. */
    @Transactional(readOnly = true)
    public boolean isSwitchedOn(String departmentId) {
        return department(departmentId).active();
    }

    /** Whether the assistant's answers to citizens are held for an officer's approval (supervised mode). */
    @Transactional(readOnly = true)
    public boolean isSupervised(String departmentId) {
        return department(departmentId).supervisedAnswers();
    }

    /**
     * Saves the settings as a new version and makes it the active one.
     *
     * @param editedVersion the version the admin started from: if another one became active meanwhile,
     *     nothing is saved
     * @throws ProfileVersionConflict when {@code editedVersion} is no longer the active version
     */
    @Transactional
    public ProfileVersionView save(
            String departmentId, int editedVersion, DepartmentSettingsDraft settings, String createdBy) {
        return write(departmentId, editedVersion, settings, createdBy, null);
    }

    /**
     * Rolls back: writes a new version with the content of an earlier one and makes it active.
     *
     * @throws ProfileVersionNotFound when there is no such version
     * @throws ProfileVersionConflict when {@code editedVersion} is no longer the active version
     */
    @Transactional
    public ProfileVersionView restore(String departmentId, int version, int editedVersion, String createdBy) {
        lock(departmentId);
        var old = profiles.findByDepartmentIdAndVersion(departmentId, version)
                .orElseThrow(() -> new ProfileVersionNotFound(version));
        return write(departmentId, editedVersion, old.settings(), createdBy, version);
    }

    /**
     * The kill switch: switched off, citizens see a banner and cannot ask; switched on, they can again.
     *
     * @return whether it was switched on before
     */
    @Transactional
    public boolean switchAssistant(String departmentId, boolean on) {
        lock(departmentId);
        var department = department(departmentId);
        var before = department.active();
        if (before != on) {
            department.switchAssistant(on);
            changes.changed(departmentId);
        }
        return before;
    }

    /**
     * Supervised mode: switched on, every answer to a citizen begun from now on is held until an officer
     * approves or edits it; switched off, answers stream as usual (answers already held stay held until an
     * officer decides). Like the kill switch it is not part of the versions. The catalog is not told:
     * every turn reads the flag from PostgreSQL when it begins ({@code Conversations.beginTurn}), so every
     * replica follows the commit at once.
     *
     * @return whether it was switched on before
     */
    @Transactional
    public boolean switchSupervision(String departmentId, boolean on) {
        lock(departmentId);
        var department = department(departmentId);
        var before = department.supervisedAnswers();
        if (before != on) {
            department.superviseAnswers(on);
        }
        return before;
    }

    private ProfileVersionView write(
            String departmentId,
            int editedVersion,
            DepartmentSettingsDraft settings,
            String createdBy,
            Integer restoredFrom) {
        lock(departmentId);
        var department = department(departmentId);
        var current = profiles.findByDepartmentIdAndActiveTrue(departmentId);
        var activeVersion = current.map(AssistantProfile::version).orElse(0);
        if (activeVersion != editedVersion) {
            throw new ProfileVersionConflict(editedVersion, activeVersion);
        }
        current.ifPresent(profile -> {
            profile.deactivate();
            // the one-active-version index is checked per statement: the old one must be off first
            profiles.saveAndFlush(profile);
        });
        var next = profiles.findMaxVersion(departmentId) + 1;
        var profile = new AssistantProfile(departmentId, next, settings, createdBy, restoredFrom);
        profile.activate();
        profiles.saveAndFlush(profile);
        department.rename(settings.names());
        department.retain(settings.retentionDays());
        changes.changed(departmentId);
        return profile.toVersionView();
    }

    /** Serialises changes to one department (version numbers, the active flag) across replicas. */
    private void lock(String departmentId) {
        jdbc.sql("select id from department where id = ? for update")
                .param(departmentId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new DepartmentNotFound(departmentId));
    }

    private Department department(String departmentId) {
        return departments.findById(departmentId).orElseThrow(() -> new DepartmentNotFound(departmentId));
    }
}
