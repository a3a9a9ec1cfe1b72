package org.govchat.admin.assistant;

import java.util.List;
import org.govchat.platform.web.TranslatedProblem;
import org.springframework.http.HttpStatus;

/** 400: the settings (or a playground draft) break a rule; {@code errors} lists each field with why. */
class InvalidSettings extends TranslatedProblem {

    record FieldError(String field, String message) {}

    InvalidSettings(List<FieldError> errors) {
        super(HttpStatus.BAD_REQUEST, "invalid-settings", "Invalid settings");
        getBody().setProperty("errors", List.copyOf(errors));
    }
}
