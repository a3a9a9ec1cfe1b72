package org.govchat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.govchat.GovchatApplication;
import org.govchat.model.fake.FakeOpenAiServer;
import org.govchat.support.MockSignInProvider;
import org.govchat.support.MockSignInProvider.TestOfficer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The admin console end to end in Debian's Chromium (playwright-core, {@code src/test/e2e/admin-console.mjs}):
 * the built web app, the app signing the admin in at an OpenID provider in this JVM (mock-oauth2-server,
 * the real authorization-code flow through the browser), and a fake model backend. The admin edits the
 * Traditional Chinese greeting, saves version 2, rolls back; then switches the assistant off and a
 * citizen's chat shows the banner.
 */
class AdminConsoleIT {

    private static final TestOfficer ADMIN =
            TestOfficer.withGroups("immigration-admin", "/departments/immigration/admins");

    private static ConfigurableApplicationContext app;
    private static FakeOpenAiServer model;
    private static String appUrl;

    @BeforeAll
    static void startTheApp() throws IOException {
        BrowserSteps.requireBuiltWebApp();
        model = new FakeOpenAiServer();
        var port = BrowserSteps.freePort();
        appUrl = "http://127.0.0.1:" + port;
        app = new SpringApplicationBuilder(GovchatApplication.class)
                .run(
                        "--server.port=" + port,
                        "--govchat.identity.oidc.issuer-uri=" + MockSignInProvider.issuer(),
                        "--govchat.identity.oidc.client-id=" + MockSignInProvider.CLIENT_ID,
                        "--govchat.identity.oidc.client-secret=" + MockSignInProvider.CLIENT_SECRET,
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
    }

    @Test
    void anAdminEditsTheTraditionalChineseGreetingRollsBackAndSwitchesTheAssistantOff() throws Exception {
        MockSignInProvider.expectSignIn(ADMIN);
        BrowserSteps.run("admin-console.mjs", "admin-console-steps.log", Duration.ofMinutes(4), appUrl, Map.of());

        var jdbc = app.getBean(JdbcClient.class);
        var actions = jdbc.sql("""
                select action from audit_event where actor = 'immigration-admin' and department_id = 'immigration'
                  and action in ('PROFILE_CHANGED', 'PROFILE_ROLLED_BACK', 'ASSISTANT_SWITCHED_OFF') order by id
                """).query(String.class).list();
        assertThat(actions).containsExactly("PROFILE_CHANGED", "PROFILE_ROLLED_BACK", "ASSISTANT_SWITCHED_OFF");
        var versions = jdbc.sql("""
                select version, greeting_zh_hant, active, created_by from assistant_profile
                where department_id = 'immigration' order by version
                """)
                .query((rs, n) -> rs.getInt(1) + "|" + rs.getString(2) + "|" + rs.getBoolean(3) + "|" + rs.getString(4))
                .list();
        assertThat(versions).hasSize(3);
        assertThat(versions.get(1)).isEqualTo("2|你好！我係入境事務處嘅智能助理。|false|immigration-admin");
        assertThat(versions.get(2)).endsWith("|true|immigration-admin");
        assertThat(versions.get(2).split("\\|")[1]).isEqualTo(versions.get(0).split("\\|")[1]);
        assertThat(jdbc.sql("select active from department where id = 'immigration'")
                        .query(Boolean.class)
                        .single())
                .isFalse();
    }
}
