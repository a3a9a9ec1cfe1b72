package org.govchat.support;

import com.nimbusds.jose.JOSEObjectType;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * A real OpenID provider (mock-oauth2-server) running inside the test JVM, and the app configured to sign
 * officers in with it. Import this configuration into a test; every test class importing it shares one
 * application context.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MockSignInProvider {

    public static final String ISSUER_ID = "govchat";
    public static final String CLIENT_ID = "govchat-web";
    public static final String CLIENT_SECRET = "test-client-secret";

    private static MockOAuth2Server server;

    /** The provider, started on first use and stopped with the JVM. */
    public static synchronized MockOAuth2Server server() {
        if (server == null) {
            server = new MockOAuth2Server();
            server.start();
            var started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(started::shutdown));
        }
        return server;
    }

    public static String issuer() {
        return server().issuerUrl(ISSUER_ID).toString();
    }

    @Bean
    static DynamicPropertyRegistrar signInProviderProperties() {
        return registry -> {
            registry.add("govchat.identity.oidc.issuer-uri", MockSignInProvider::issuer);
            registry.add("govchat.identity.oidc.client-id", () -> CLIENT_ID);
            registry.add("govchat.identity.oidc.client-secret", () -> CLIENT_SECRET);
        };
    }

    /** A person known to the provider, with the claims govchat maps to roles and departments. */
    public record TestOfficer(String username, String name, List<String> groups, List<String> roles) {

        public static TestOfficer withGroups(String username, String... groups) {
            return new TestOfficer(username, "Officer " + username, List.of(groups), List.of());
        }

        public static TestOfficer withRoles(String username, String... roles) {
            return new TestOfficer(username, "Officer " + username, List.of(), List.of(roles));
        }

        public String subject() {
            return "subject-" + username;
        }

        Map<String, Object> claims() {
            var claims = new HashMap<String, Object>();
            claims.put("preferred_username", username);
            claims.put("name", name);
            claims.put("email", username + "@city.example");
            claims.put("groups", groups);
            claims.put("roles", roles);
            return claims;
        }
    }

    /**
     * The redirects of one sign-in.
     *
     * @param authorizationRequest where the app sent the browser (the provider's authorization endpoint)
     * @param landing where the app sent the browser after the code exchange
     */
    public record SignIn(URI authorizationRequest, int callbackStatus, String landing) {}

    /**
     * Signs the browser in through the real authorization-code flow, following each redirect by hand: app →
     * provider's authorization endpoint → app's callback (code exchange, session) → landing page.
     */
    /** A new browser on the app at {@code port}, signed in as {@code officer}. */
    public static CitizenClient signedIn(int port, TestOfficer officer) {
        var browser = new CitizenClient(port);
        signIn(browser, officer);
        return browser;
    }

    public static SignIn signIn(CitizenClient browser, TestOfficer officer) {
        return signIn(browser, officer, "/oauth2/authorization/sso");
    }

    /** The same, starting from any page of the app that redirects to sign-in. */
    public static SignIn signIn(CitizenClient browser, TestOfficer officer, String startPath) {
        var start = browser.get(startPath);
        var location = start.header("Location");
        if (start.status() != 302 || location == null) {
            throw new IllegalStateException("Expected a redirect to sign-in, got " + start);
        }
        if (!location.startsWith(issuer())) {
            // a page that needs sign-in redirects to the app's own sign-in address first
            start = browser.get(URI.create(location).getRawPath());
            location = start.header("Location");
        }
        var authorizationRequest = URI.create(location);
        expectSignIn(officer);
        var callback = URI.create(browser.external(authorizationRequest).header("Location"));
        var landing = browser.get(callback.getRawPath() + "?" + callback.getRawQuery());
        return new SignIn(authorizationRequest, landing.status(), landing.header("Location"));
    }

    /**
     * The next authorization request (from any client, a real browser too) signs this officer in: the
     * provider answers it at once with a code for their claims.
     */
    public static void expectSignIn(TestOfficer officer) {
        server().enqueueCallback(new DefaultOAuth2TokenCallback(
                ISSUER_ID,
                officer.subject(),
                JOSEObjectType.JWT.getType(),
                List.of(CLIENT_ID),
                officer.claims(),
                3600));
    }
}
