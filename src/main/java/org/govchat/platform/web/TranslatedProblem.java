package org.govchat.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Base of the platform's domain errors: a stable problem {@code type} ({@code /problems/<slug>}) and a
 * {@code detail} translated from the message code {@code problem.<slug>} in the caller's language.
 */
public abstract class TranslatedProblem extends ErrorResponseException {

    protected TranslatedProblem(HttpStatus status, String slug, String title, Object... detailArguments) {
        super(status, problem(status, slug, title), null, "problem." + slug, detailArguments);
    }

    private static ProblemDetail problem(HttpStatus status, String slug, String title) {
        var problem = ProblemDetail.forStatus(status);
        problem.setType(ProblemTypes.of(slug));
        problem.setTitle(title);
        return problem;
    }
}
