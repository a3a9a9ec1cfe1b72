package org.govchat.platform.web;

import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error leaves as RFC 9457 {@code application/problem+json} with a stable {@code type} and a
 * translated {@code detail}; never a stack trace, SQL or an HTML page.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private final MessageSource messages;

    ProblemDetailsAdvice(MessageSource messages) {
        this.messages = messages;
        setMessageSource(messages);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            decorate(problem, statusCode);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, "problem.invalid-request");
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(this::describe)
                .toList();
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, "problem.invalid-request");
        problem.setProperty(
                "errors",
                ex.getAllErrors().stream()
                        .map(error -> Map.of("message", messages.getMessage(error, locale())))
                        .toList());
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
        var problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, "problem.invalid-request");
        problem.setProperty("errors", List.of(Map.of("field", ex.getName(), "message", text("problem.invalid-value"))));
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
        var problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, "problem.invalid-request");
        problem.setProperty(
                "errors",
                ex.getConstraintViolations().stream()
                        .map(v -> Map.of("field", v.getPropertyPath().toString(), "message", v.getMessage()))
                        .toList());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler({
        CannotGetJdbcConnectionException.class,
        CannotCreateTransactionException.class,
        DataAccessResourceFailureException.class,
        QueryTimeoutException.class
    })
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception ex) {
        log.warn("Database unavailable: {}", ex.getMessage());
        var problem = problem(
                HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.DATABASE_UNAVAILABLE, "problem.database-unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        if (ex instanceof ErrorResponse errorResponse) {
            var problem = errorResponse.updateAndGetBody(messages, locale());
            decorate(problem, errorResponse.getStatusCode());
            return ResponseEntity.status(errorResponse.getStatusCode())
                    .headers(errorResponse.getHeaders())
                    .body(problem);
        }
        if (isDatabaseUnavailable(ex)) {
            return databaseUnavailable(ex);
        }
        log.error("Unexpected error", ex);
        var problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL_ERROR, "problem.internal-error");
        return ResponseEntity.internalServerError().body(problem);
    }

    /**
     * A lost or refused database connection surfaces through many wrappers (JPA, transactions, a failed
     * rollback); whatever the wrapper, the caller should hear "try again shortly", not "internal error".
     */
    static boolean isDatabaseUnavailable(Throwable error) {
        for (var cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLTransientConnectionException
                    || cause instanceof java.sql.SQLNonTransientConnectionException
                    || cause instanceof java.net.ConnectException
                    || cause instanceof java.net.SocketException
                    || cause instanceof CannotGetJdbcConnectionException
                    || cause instanceof DataAccessResourceFailureException
                    // a rollback fails only when the connection itself is gone
                    || cause instanceof org.hibernate.TransactionException
                    || cause instanceof org.springframework.transaction.TransactionSystemException) {
                return true;
            }
            if (cause instanceof java.sql.SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** Gives framework problems (404, 405, 415, 400 …) our stable types and translated details. */
    private void decorate(ProblemDetail problem, HttpStatusCode status) {
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            var type = switch (status.value()) {
                case 404 -> ProblemTypes.NOT_FOUND;
                case 405 -> ProblemTypes.METHOD_NOT_ALLOWED;
                case 415 -> ProblemTypes.UNSUPPORTED_MEDIA_TYPE;
                case 406 -> ProblemTypes.NOT_ACCEPTABLE;
                case 400 -> ProblemTypes.MALFORMED_REQUEST;
                default -> null;
            };
            if (type != null) {
                problem.setType(type);
                problem.setDetail(text("problem." + type.getPath().substring("/problems/".length())));
            }
        }
        if (problem.getTitle() == null) {
            var reason = HttpStatus.resolve(status.value());
            problem.setTitle(reason != null ? reason.getReasonPhrase() : "Error");
        }
    }

    private Map<String, String> describe(FieldError error) {
        return Map.of("field", error.getField(), "message", messages.getMessage(error, locale()));
    }

    private ProblemDetail problem(HttpStatus status, java.net.URI type, String code) {
        var problem = ProblemDetail.forStatusAndDetail(status, text(code));
        problem.setType(type);
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }

    private String text(String code) {
        return messages.getMessage(code, null, code, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
