package org.govchat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.govchat.GovchatApplication;
import org.govchat.model.fake.FakeOpenAiServer;
import org.govchat.model.fake.FakeScript;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A live handoff in two browsers: a citizen chatting in Cantonese asks for a person, an officer signs in on
 * a real OpenID provider's interactive login page (mock-oauth2-server in this JVM, instead of a second
 * Keycloak start), claims the conversation from the live inbox and writes; each sees the other's messages
 * as they come. Debian's Chromium drives the built web app (playwright-core, {@code src/test/e2e}).
 */
class HandoffIT {

    private static MockOAuth2Server signInProvider;
    private static FakeOpenAiServer model;
    private static ConfigurableApplicationContext app;
    private static String appUrl;

    @BeforeAll
    static void startTheApp() throws IOException {
        BrowserSteps.requireBuiltWebApp();
        signInProvider = new MockOAuth2Server(new OAuth2Config(true));
        signInProvider.start();
        model = new FakeOpenAiServer();
        model.respondByDefault(FakeScript.answer("你好！", "續領護照", "可以喺網上", "或者親身辦理。"));
        var port = BrowserSteps.freePort();
        appUrl = "http://127.0.0.1:" + port;
        app = new SpringApplicationBuilder(GovchatApplication.class)
                .run(
                        "--server.port=" + port,
                        "--govchat.identity.oidc.issuer-uri=" + signInProvider.issuerUrl("govchat"),
                        "--govchat.identity.oidc.client-id=govchat-web",
                        "--govchat.identity.oidc.client-secret=e2e-secret",
                        "--govchat.backends.default.type=openai-compatible",
                        "--govchat.backends.default.base-url=" + model.baseUrl(),
                        "--govchat.backends.default.default-model=fake-model");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (model != null) {
            model.close();
        }
        if (signInProvider != null) {
            signInProvider.shutdown();
        }
    }

    @Test
    void aCitizenAsksForAPersonInCantoneseAndTheOfficerWhoClaimsItRepliesLive() throws Exception {
        BrowserSteps.run("handoff.mjs", "handoff-steps.log", Duration.ofMinutes(3), appUrl, Map.of());

        var jdbc = app.getBean(JdbcClient.class);
        var stored = jdbc.sql("""
                select m.role || ':' || m.content from message m join handoff h on h.conversation_id = m.conversation_id
                where m.role in ('USER', 'STAFF') order by m.seq
                """).query(String.class).list();
        assertThat(stored).containsSubsequence("USER:我想問點樣續領護照呀？", "STAFF:你好，我係入境處職員。請問有咩可以幫到你？", "USER:我本護照上個禮拜過咗期。");
        assertThat(jdbc.sql("select actor from audit_event where action = 'HANDOFF_CLAIMED'")
                        .query(String.class)
                        .list())
                .containsExactly("e2e-officer");
    }
}
