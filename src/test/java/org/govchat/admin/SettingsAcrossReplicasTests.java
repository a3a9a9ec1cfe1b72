package org.govchat.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.govchat.GovchatApplication;
import org.govchat.support.CitizenClient;
import org.govchat.support.MockSignInProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two replicas whose department snapshots would live for an hour: a kill switch or a new version saved
 * through one replica reaches the other at once, through PostgreSQL's NOTIFY and nothing else.
 */
class SettingsAcrossReplicasTests {

    static ConfigurableApplicationContext replicaA;
    static ConfigurableApplicationContext replicaB;

    @BeforeAll
    static void startTwoReplicas() {
        var common = new String[] {
            "--server.port=0",
            "--govchat.departments.cache-ttl=1h",
            "--govchat.identity.oidc.issuer-uri=" + MockSignInProvider.issuer(),
            "--govchat.identity.oidc.client-id=" + MockSignInProvider.CLIENT_ID,
            "--govchat.identity.oidc.client-secret=" + MockSignInProvider.CLIENT_SECRET
        };
        replicaA = new SpringApplicationBuilder(GovchatApplication.class).run(common);
        var url = ((HikariDataSource) replicaA.getBean(DataSource.class)).getJdbcUrl();
        var withDatabase = java.util.Arrays.copyOf(common, common.length + 2);
        withDatabase[common.length] = "--spring.datasource.url=" + url;
        withDatabase[common.length + 1] = "--spring.datasource.username=postgres";
        replicaB = new SpringApplicationBuilder(GovchatApplication.class).run(withDatabase);
    }

    @AfterAll
    static void stop() {
        var jdbc = replicaA.getBean(JdbcClient.class);
        replicaB.close();
        DepartmentRestore.restore(jdbc, replicaA.getBean(org.govchat.department.DepartmentCatalog.class), "housing");
        replicaA.close();
    }

    static int port(ConfigurableApplicationContext replica) {
        return ((WebServerApplicationContext) replica).getWebServer().getPort();
    }

    @Test
    void aChangeSavedOnOneReplicaIsServedByTheOtherAtOnce() {
        var citizenOnB = new CitizenClient(port(replicaB));
        // B has read (and would keep, for an hour) the department as it is: switched on (its only backend,
        // the in-process model, has no weights in tests, hence "backend-down")
        assertThat(citizenOnB
                        .get("/api/v1/departments/housing")
                        .json()
                        .get("unavailableReason")
                        .asString())
                .isEqualTo("backend-down");

        var adminOnA = new CitizenClient(port(replicaA));
        MockSignInProvider.signIn(
                adminOnA, MockSignInProvider.TestOfficer.withGroups("hd-replica-admin", "/departments/housing/admins"));
        assertThat(adminOnA.put("/api/v1/admin/departments/housing/assistant", Map.of("on", false))
                        .status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(citizenOnB
                                .get("/api/v1/departments/housing")
                                .json()
                                .get("unavailableReason")
                                .asString())
                        .isEqualTo("switched-off"));

        var settings =
                adminOnA.get("/api/v1/admin/departments/housing/settings").json();
        var body = AssistantSettingsApiTests.editOf(
                settings, edit -> AssistantSettingsApiTests.greetingOf(edit).put("en", "Greetings from replica A"));
        assertThat(adminOnA.put("/api/v1/admin/departments/housing/settings", body)
                        .status())
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(citizenOnB
                                .get("/api/v1/departments/housing")
                                .json()
                                .get("greeting")
                                .get("en")
                                .asString())
                        .isEqualTo("Greetings from replica A"));
    }
}
