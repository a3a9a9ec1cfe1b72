package org.govchat.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The officer behind the current request, for services. Controllers can also simply declare an
 * {@link Officer} parameter.
 */
@Component
public class Officers {

    /** The signed-in officer, or empty for citizens and anonymous callers. */
    public Optional<Officer> current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof OfficerPrincipal principal) {
            return Optional.of(principal.officer());
        }
        return Optional.empty();
    }

    /**
     * The signed-in officer.
     *
     * @throws AuthenticationCredentialsNotFoundException (a 401 problem) when nobody is signed in
     */
    public Officer require() {
        return current().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("No officer signed in"));
    }

    /** The current officer (or {@code anonymous}) and their client address, to put into audited events. */
    public Actor actor() {
        var address = currentRequest().map(ClientAddress::of).orElse(null);
        return current()
                .map(officer -> new Actor(officer.username(), officer.subject(), address))
                .orElseGet(() -> new Actor(Actor.ANONYMOUS, null, address));
    }

    private static Optional<HttpServletRequest> currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? Optional.of(attributes.getRequest())
                : Optional.empty();
    }
}
