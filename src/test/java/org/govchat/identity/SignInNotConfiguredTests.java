package org.govchat.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.govchat.support.CitizenClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The README's plain start: no OpenID provider configured. Citizens are served; staff APIs explain why not. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInNotConfiguredTests {

    @LocalServerPort
    int port;

    @Test
    void adminAndStaffApisAnswer401ExplainingThatSignInIsNotConfigured() {
        for (var path : new String[] {"/api/v1/admin/me", "/api/v1/staff/me", "/api/v1/admin/audit"}) {
            var reply = new CitizenClient(port).language("zh-CN").get(path);
            assertThat(reply.status()).as(path).isEqualTo(401);
            assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
            assertThat(reply.json().get("type").asString()).isEqualTo("/problems/sign-in-not-configured");
            assertThat(reply.json().get("detail").asString()).contains("govchat.identity.oidc.issuer-uri");
        }
    }

    @Test
    void pagesAreNotRedirectedToASignInThatDoesNotExist() {
        var page = new CitizenClient(port).get("/staff");
        assertThat(page.status()).isNotEqualTo(302);
        assertThat(page.header("Location")).isNull();
        assertThat(new CitizenClient(port).get("/oauth2/authorization/sso").status())
                .isEqualTo(404);
    }

    @Test
    void citizensAreServed() {
        var citizen = new CitizenClient(port);
        assertThat(citizen.get("/api/v1/departments").status()).isEqualTo(200);
        assertThat(citizen.startConversation("housing")).isNotBlank();
    }
}
