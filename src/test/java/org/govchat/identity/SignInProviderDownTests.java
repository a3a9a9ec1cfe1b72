package org.govchat.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.govchat.support.CitizenClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The provider is configured but unreachable: the app starts, citizens are served, only sign-in fails. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "govchat.identity.oidc.issuer-uri=http://127.0.0.1:9/realms/unreachable")
class SignInProviderDownTests {

    @LocalServerPort
    int port;

    @Test
    void citizensAreServedAndSignInFailsWithAProblemInsteadOfAStackTrace() {
        var citizen = new CitizenClient(port);
        assertThat(citizen.get("/api/v1/departments").status()).isEqualTo(200);
        assertThat(citizen.startConversation("housing")).isNotBlank();

        assertThat(citizen.get("/api/v1/staff/me").json().get("type").asString())
                .isEqualTo("/problems/unauthenticated");
        var signIn = citizen.get("/oauth2/authorization/sso");
        assertThat(signIn.status()).isGreaterThanOrEqualTo(500);
        assertThat(signIn.header("Content-Type")).startsWith("application/problem+json");
        assertThat(signIn.body()).doesNotContain("Exception").doesNotContain("127.0.0.1:9");
    }
}
