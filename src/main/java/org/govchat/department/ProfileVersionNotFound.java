package org.govchat.department;

import org.govchat.platform.web.TranslatedProblem;
import org.springframework.http.HttpStatus;

/** No such version of the department's profile. */
public class ProfileVersionNotFound extends TranslatedProblem {

    public ProfileVersionNotFound(int version) {
        super(HttpStatus.NOT_FOUND, "profile-version-not-found", "Profile version not found", version);
    }
}
