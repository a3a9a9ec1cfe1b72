package org.govchat.department;

import org.govchat.platform.web.TranslatedProblem;
import org.springframework.http.HttpStatus;

/**
 * The settings were edited from a version that is no longer the active one: someone saved in between.
 * Nothing is saved; the admin reloads and edits again.
 */
public class ProfileVersionConflict extends TranslatedProblem {

    public ProfileVersionConflict(int editedVersion, int activeVersion) {
        super(
                HttpStatus.CONFLICT,
                "profile-version-conflict",
                "Profile changed meanwhile",
                editedVersion,
                activeVersion);
        getBody().setProperty("activeVersion", activeVersion);
    }
}
