package org.govchat.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.savedrequest.RequestCache;
import tools.jackson.databind.json.JsonMapper;

/**
 * Staff sign-in through the OpenID provider: claims to officer, where to land afterwards, and the audit
 * events for signing in, failing to, and signing out.
 */
final class SignIn {

    static final String LOGIN_PATH = "/oauth2/authorization/" + OidcClientRegistrations.REGISTRATION_ID;
    static final String FAILURE_PATH = "/staff/sign-in-error";

    private final OfficerClaims claims;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;

    SignIn(OfficerClaims claims, ApplicationEventPublisher events, JsonMapper json) {
        this.claims = claims;
        this.events = events;
        this.json = json;
    }

    /** Loads the OIDC user as usual, then maps it to an officer; an account without any role may not sign in. */
    OAuth2UserService<OidcUserRequest, OidcUser> userService() {
        var standard = new OidcUserService();
        return request -> {
            var user = standard.loadUser(request);
            var officer = claims.officer(user.getSubject(), user.getClaims());
            if (officer.roles().isEmpty()) {
                throw new NoGovchatRole(claims.username(user.getClaims(), user.getSubject()));
            }
            return new OfficerPrincipal(officer, user.getIdToken(), user.getUserInfo());
        };
    }

    /** Back to the page that asked for sign-in, else admins to the console and officers to the portal. */
    SavedRequestAwareAuthenticationSuccessHandler successHandler(RequestCache requestCache) {
        var handler = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(
                    HttpServletRequest request, HttpServletResponse response, Authentication authentication)
                    throws jakarta.servlet.ServletException, IOException {
                if (authentication.getPrincipal() instanceof OfficerPrincipal principal) {
                    var officer = principal.officer();
                    events.publishEvent(new OfficerSignedIn(
                            new Actor(officer.username(), officer.subject(), ClientAddress.of(request)), officer));
                }
                super.onAuthenticationSuccess(request, response, authentication);
            }

            @Override
            protected String determineTargetUrl(
                    HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
                if (authentication.getPrincipal() instanceof OfficerPrincipal principal) {
                    var officer = principal.officer();
                    return officer.isPlatformAdmin() || officer.hasRole(OfficerRole.DEPT_ADMIN) ? "/admin" : "/staff";
                }
                return "/";
            }
        };
        handler.setRequestCache(requestCache);
        return handler;
    }

    AuthenticationFailureHandler failureHandler() {
        var redirect = new DefaultRedirectStrategy();
        return (request, response, exception) -> {
            var username = exception instanceof NoGovchatRole refused ? refused.username : Actor.ANONYMOUS;
            events.publishEvent(
                    new OfficerSignInFailed(new Actor(username, null, ClientAddress.of(request)), reason(exception)));
            redirect.sendRedirect(request, response, FAILURE_PATH);
        };
    }

    LogoutHandler auditingLogoutHandler() {
        return (request, response, authentication) -> {
            if (authentication != null && authentication.getPrincipal() instanceof OfficerPrincipal principal) {
                var officer = principal.officer();
                events.publishEvent(new OfficerSignedOut(
                        new Actor(officer.username(), officer.subject(), ClientAddress.of(request))));
            }
        };
    }

    /**
     * RP-initiated logout: the browser goes on to the provider's end-session endpoint, then back to the
     * start page. A script that asks for JSON gets the address to go to instead of a redirect it could not
     * follow across origins.
     */
    LogoutSuccessHandler logoutSuccessHandler(ClientRegistrationRepository registrations) {
        var handler = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        handler.setPostLogoutRedirectUri("{baseUrl}/");
        handler.setRedirectStrategy(jsonOrRedirect(json));
        return handler;
    }

    static RedirectStrategy jsonOrRedirect(JsonMapper json) {
        var redirect = new DefaultRedirectStrategy();
        return (request, response, url) -> {
            var accept = request.getHeader("Accept");
            if (accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE)) {
                response.setStatus(HttpServletResponse.SC_OK);
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                json.writeValue(response.getOutputStream(), Map.of("redirectUrl", url));
            } else {
                redirect.sendRedirect(request, response, url);
            }
        };
    }

    private static String reason(AuthenticationException exception) {
        if (exception instanceof OAuth2AuthenticationException oauth) {
            return oauth.getError().getErrorCode();
        }
        return exception.getClass().getSimpleName();
    }

    /** The provider knows the person, but govchat gives them no role. */
    static final class NoGovchatRole extends OAuth2AuthenticationException {

        private final transient String username;

        NoGovchatRole(String username) {
            super(new OAuth2Error("access_denied", "The account has no govchat role", null));
            this.username = username;
        }
    }
}
