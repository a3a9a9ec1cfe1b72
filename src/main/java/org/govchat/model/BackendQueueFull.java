package org.govchat.model;

import java.time.Duration;
import org.govchat.platform.web.ProblemTypes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Every candidate backend's queue is full: 503 with {@code Retry-After}. */
public class BackendQueueFull extends ErrorResponseException {

    private final Duration retryAfter;

    public BackendQueueFull(String backendId, Duration retryAfter) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(), null, "problem.backend-queue-full", null);
        this.retryAfter = retryAfter;
        getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.toSeconds())));
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    private static ProblemDetail problem() {
        var problem = ProblemDetail.forStatus(HttpStatus.SERVICE_UNAVAILABLE);
        problem.setType(ProblemTypes.of("backend-queue-full"));
        problem.setTitle("Assistant busy");
        return problem;
    }
}
