package org.govchat.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govchat.support.MockSignInProvider.TestOfficer.withGroups;

import java.util.Map;
import org.govchat.GovchatApplication;
import org.govchat.support.CitizenClient;
import org.govchat.support.IdentityIntegrationTest;
import org.govchat.support.MockSignInProvider;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/** Two replicas on one database: an officer signed in on one is served, and signed out, by the other. */
@IdentityIntegrationTest
class SessionAcrossReplicasTests {

    @LocalServerPort
    int port;

    @Test
    void aSessionStartedOnOneReplicaIsServedAndEndedByAnother() {
        try (var replica = new SpringApplicationBuilder(GovchatApplication.class)
                .run(
                        "--server.port=0",
                        "--govchat.identity.oidc.issuer-uri=" + MockSignInProvider.issuer(),
                        "--govchat.identity.oidc.client-id=" + MockSignInProvider.CLIENT_ID,
                        "--govchat.identity.oidc.client-secret=" + MockSignInProvider.CLIENT_SECRET)) {
            var otherPort =
                    ((WebServerApplicationContext) replica).getWebServer().getPort();
            var onFirst = new CitizenClient(port);
            MockSignInProvider.signIn(onFirst, withGroups("replicated", "/departments/transport/staff"));

            var onSecond = new CitizenClient(otherPort);
            onSecond.setCookie("govchat_session", onFirst.cookie("govchat_session"));
            var me = onSecond.get("/api/v1/staff/me");
            assertThat(me.status()).isEqualTo(200);
            assertThat(me.json().get("username").asString()).isEqualTo("replicated");

            assertThat(onSecond.post("/logout", Map.of()).status()).isEqualTo(302);
            assertThat(onFirst.get("/api/v1/staff/me").status()).isEqualTo(401);
        }
    }
}
