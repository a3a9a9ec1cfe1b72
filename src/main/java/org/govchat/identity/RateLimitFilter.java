package org.govchat.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits what callers can make the platform do: questions per citizen and per client address, new
 * conversations per client address, and questions a signed-in officer puts to a model (the staff portal's
 * assistant and the admin console's playground). Runs after the security rules, so a request refused there
 * (no CSRF token, not signed in, say) costs nothing here.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);
    private static final RequestMatcher QUESTION =
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/conversations/*/messages");
    private static final RequestMatcher NEW_CONVERSATION =
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/conversations");
    private static final RequestMatcher OFFICER_QUESTION = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults()
                    .matcher(HttpMethod.POST, "/api/v1/staff/assistant/conversations/*/messages"),
            PathPatternRequestMatcher.withDefaults()
                    .matcher(HttpMethod.POST, "/api/v1/admin/departments/*/playground"));

    private final RateLimits limits;
    private final CitizenCookie citizens;
    private final SecurityProblems problems;

    RateLimitFilter(RateLimits limits, CitizenCookie citizens, SecurityProblems problems) {
        this.limits = limits;
        this.citizens = citizens;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !limits.config().enabled()
                || !(QUESTION.matches(request)
                        || NEW_CONVERSATION.matches(request)
                        || OFFICER_QUESTION.matches(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Duration> wait;
        try {
            wait = check(request);
        } catch (RuntimeException e) {
            // the buckets live in PostgreSQL: without it the request could not be served anyway
            log.warn("Rate limits unavailable: {}", e.getMessage());
            problems.databaseUnavailable(request, response);
            return;
        }
        if (wait.isPresent()) {
            problems.tooManyRequests(request, response, wait.get());
            return;
        }
        chain.doFilter(request, response);
    }

    private Optional<Duration> check(HttpServletRequest request) {
        var config = limits.config();
        if (OFFICER_QUESTION.matches(request)) {
            // the security rules let only signed-in officers this far
            var officer = request.getUserPrincipal();
            return officer == null
                    ? Optional.empty()
                    : limits.take("questions-per-officer", config.questionsPerOfficer(), officer.getName());
        }
        var address = ClientAddress.of(request);
        if (NEW_CONVERSATION.matches(request)) {
            return limits.take("conversations-per-address", config.conversationsPerAddress(), address);
        }
        var byAddress = limits.take("questions-per-address", config.questionsPerAddress(), address);
        if (byAddress.isPresent()) {
            return byAddress;
        }
        // without a valid citizen cookie there is no conversation to ask in: the address limit is enough
        var citizen = citizens.existing(request);
        return citizen.isPresent()
                ? limits.take(
                        "questions-per-citizen",
                        config.questionsPerCitizen(),
                        citizen.get().ownerRef())
                : Optional.empty();
    }
}
