package org.govchat.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.govchat.platform.i18n.CitizenLocales;
import org.govchat.platform.web.ProblemTypes;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Security refusals as RFC 9457 problem details, translated like every other problem. They are written by
 * filters, before Spring MVC, so this class writes the response itself.
 */
@Component
class SecurityProblems {

    static final String UNAUTHENTICATED = "unauthenticated";
    static final String SIGN_IN_NOT_CONFIGURED = "sign-in-not-configured";
    static final String FORBIDDEN = "forbidden";
    static final String CSRF = "csrf-token-invalid";
    static final String TOO_MANY_REQUESTS = "too-many-requests";
    static final String DATABASE_UNAVAILABLE = "database-unavailable";

    private final MessageSource messages;
    private final JsonMapper json;

    SecurityProblems(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** 401 for anyone not signed in; says so when staff sign-in is not configured at all. */
    AuthenticationEntryPoint unauthenticated(boolean signInConfigured) {
        return (request, response, exception) -> unauthenticated(request, response, signInConfigured);
    }

    void unauthenticated(HttpServletRequest request, HttpServletResponse response, boolean signInConfigured)
            throws IOException {
        if (signInConfigured) {
            write(request, response, HttpStatus.UNAUTHORIZED, UNAUTHENTICATED, Map.of("signInUrl", SignIn.LOGIN_PATH));
        } else {
            write(request, response, HttpStatus.UNAUTHORIZED, SIGN_IN_NOT_CONFIGURED, Map.of());
        }
    }

    /** 403: signed in without the needed role, or a state change without a valid CSRF token. */
    void accessDenied(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, exception instanceof CsrfException ? CSRF : FORBIDDEN, Map.of());
    }

    void authenticationFailed(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        write(request, response, HttpStatus.UNAUTHORIZED, UNAUTHENTICATED, Map.of("signInUrl", SignIn.LOGIN_PATH));
    }

    void tooManyRequests(HttpServletRequest request, HttpServletResponse response, Duration wait) throws IOException {
        var seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        write(request, response, HttpStatus.TOO_MANY_REQUESTS, TOO_MANY_REQUESTS, Map.of(), seconds);
    }

    void databaseUnavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, "5");
        write(request, response, HttpStatus.SERVICE_UNAVAILABLE, DATABASE_UNAVAILABLE, Map.of());
    }

    void write(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            String slug,
            Map<String, Object> properties,
            Object... arguments)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        var locale = CitizenLocales.fromAcceptLanguage(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        var body = new LinkedHashMap<String, Object>();
        body.put("type", ProblemTypes.of(slug).toString());
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", messages.getMessage("problem." + slug, arguments, status.getReasonPhrase(), locale));
        body.put("instance", request.getRequestURI());
        body.putAll(properties);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
        json.writeValue(response.getOutputStream(), body);
    }
}
