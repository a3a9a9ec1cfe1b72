package org.govchat.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Security exceptions thrown inside controllers and services ({@link Officers#require()}, method security)
 * answer like the filters' refusals, instead of reaching the catch-all 500 handler.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityProblemAdvice {

    private final SecurityProblems problems;

    SecurityProblemAdvice(SecurityProblems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(AuthenticationException.class)
    void unauthenticated(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        problems.authenticationFailed(request, response, e);
    }

    @ExceptionHandler(AccessDeniedException.class)
    void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        problems.accessDenied(request, response, e);
    }
}
