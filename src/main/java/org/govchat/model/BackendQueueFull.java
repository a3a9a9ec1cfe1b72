package org.govchat.model;

import java.time.Duration;
import org.govchat.platform.web.TranslatedProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** Every candidate backend's queue is full: 503 with {@code Retry-After}. */
public class BackendQueueFull extends TranslatedProblem {

    private final Duration retryAfter;

    public BackendQueueFull(String backendId, Duration retryAfter) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "backend-queue-full", "Assistant busy");
        this.retryAfter = retryAfter;
        getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.toSeconds())));
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
