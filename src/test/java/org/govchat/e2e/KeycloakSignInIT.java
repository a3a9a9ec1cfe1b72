package org.govchat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.govchat.GovchatApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * End to end with the real identity provider: Keycloak (the distribution from Maven, unpacked by the
 * build) imports the repository's realm, the app signs officers in with it, and Debian's Chromium drives
 * the built web app and Keycloak's login page (playwright-core, {@code src/test/e2e}). One Keycloak start
 * serves every step.
 */
class KeycloakSignInIT {

    private static final Path BUILD = Path.of("target");
    private static final Path KEYCLOAK_HOME =
            BUILD.resolve("keycloak/keycloak-" + System.getProperty("govchat.e2e.keycloak-version", "26.5.6"));
    private static final Path OUT = BrowserSteps.OUT;
    private static final Duration KEYCLOAK_START = Duration.ofSeconds(180);

    private static Process keycloak;
    private static ConfigurableApplicationContext app;
    private static String appUrl;
    private static String keycloakUrl;

    @BeforeAll
    static void startKeycloakAndTheApp() throws Exception {
        assertThat(KEYCLOAK_HOME.resolve("bin/kc.sh"))
                .as("the Keycloak distribution unpacked by the Maven build (pre-integration-test)")
                .exists();
        BrowserSteps.requireBuiltWebApp();
        var appPort = BrowserSteps.freePort();
        var keycloakPort = BrowserSteps.freePort();
        appUrl = "http://127.0.0.1:" + appPort;
        keycloakUrl = "http://127.0.0.1:" + keycloakPort;

        importRealmFor(appUrl);
        var kc = new ProcessBuilder(
                        "bash",
                        KEYCLOAK_HOME.resolve("bin/kc.sh").toString(),
                        "start-dev",
                        "--http-host=127.0.0.1",
                        "--http-port=" + keycloakPort,
                        "--http-management-port=" + BrowserSteps.freePort(),
                        "--import-realm")
                .redirectErrorStream(true)
                .redirectOutput(OUT.resolve("keycloak.log").toFile());
        kc.environment().put("JAVA_HOME", System.getProperty("java.home"));
        kc.environment().put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
        keycloak = kc.start();
        awaitRealm(keycloakUrl + "/realms/govchat/.well-known/openid-configuration");

        app = new SpringApplicationBuilder(GovchatApplication.class)
                .run(
                        "--server.port=" + appPort,
                        "--govchat.identity.oidc.issuer-uri=" + keycloakUrl + "/realms/govchat",
                        "--govchat.identity.oidc.client-id=govchat-web",
                        "--govchat.identity.oidc.client-secret=govchat-dev-secret");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (app != null) {
            app.close();
        }
        if (keycloak != null) {
            keycloak.descendants().forEach(ProcessHandle::destroy);
            keycloak.destroy();
            if (!keycloak.waitFor(30, TimeUnit.SECONDS)) {
                keycloak.destroyForcibly();
            }
        }
    }

    @Test
    void demoOfficerSignsInAtKeycloakLandsInTheStaffPortalAndSignsOutAndAnAdminCannotOpenAnotherDepartment()
            throws Exception {
        BrowserSteps.run(
                "officer-sign-in.mjs",
                "browser-steps.log",
                Duration.ofMinutes(4),
                appUrl,
                Map.of("KEYCLOAK_URL", keycloakUrl));

        var jdbc = app.getBean(JdbcClient.class);
        var signIns = jdbc.sql("select actor from audit_event where action = 'LOGIN_SUCCEEDED' order by id")
                .query(String.class)
                .list();
        assertThat(signIns).containsSubsequence("immigration-officer", "immigration-admin");
        assertThat(jdbc.sql(
                                "select count(*) from audit_event where action = 'LOGOUT' and actor = 'immigration-officer'")
                        .query(Long.class)
                        .single())
                .isOne();
    }

    /** The repository's realm, with the redirect addresses of this test's app instead of localhost:8080. */
    private static void importRealmFor(String appUrl) throws IOException {
        var json = JsonMapper.builder().build();
        var realm = (ObjectNode) json.readTree(Files.readString(Path.of("src/main/keycloak/govchat-realm.json")));
        var client = (ObjectNode) realm.get("clients").get(0);
        client.putArray("redirectUris").add(appUrl + "/*");
        client.putArray("webOrigins").add(appUrl);
        ((ObjectNode) client.get("attributes")).put("post.logout.redirect.uris", appUrl + "/*");
        var data = KEYCLOAK_HOME.resolve("data");
        deleteRecursively(data.resolve("h2")); // a clean import: existing realms would be kept as they are
        Files.createDirectories(data.resolve("import"));
        Files.writeString(
                data.resolve("import/" + realm.get("realm").asString() + "-realm.json"),
                json.writeValueAsString(realm));
    }

    private static void awaitRealm(String discovery) throws InterruptedException {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var deadline = Instant.now().plus(KEYCLOAK_START);
        while (Instant.now().isBefore(deadline)) {
            assertThat(keycloak.isAlive())
                    .as("Keycloak is running (see target/e2e/keycloak.log)")
                    .isTrue();
            try {
                var reply = http.send(
                        HttpRequest.newBuilder(URI.create(discovery)).build(), HttpResponse.BodyHandlers.discarding());
                if (reply.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Keycloak did not serve the realm within " + KEYCLOAK_START);
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var files = Files.walk(path)) {
            for (var file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
