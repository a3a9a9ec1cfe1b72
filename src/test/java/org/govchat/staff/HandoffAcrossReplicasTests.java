package org.govchat.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govchat.support.LiveEvents.message;
import static org.govchat.support.LiveEvents.named;
import static org.govchat.support.MockSignInProvider.TestOfficer.withGroups;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.govchat.GovchatApplication;
import org.govchat.support.CitizenClient;
import org.govchat.support.LiveEvents;
import org.govchat.support.MockSignInProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two app instances on one PostgreSQL and nothing else between them: the citizen talks to instance A, the
 * officer to instance B. The escalation, the claim and every message cross through PostgreSQL
 * (LISTEN/NOTIFY wakes the other instance's streams), each within a second.
 */
class HandoffAcrossReplicasTests {

    static final Duration WITHIN = Duration.ofSeconds(1);
    static final int ROUNDS = 5;

    static ConfigurableApplicationContext instanceA;
    static ConfigurableApplicationContext instanceB;

    @BeforeAll
    static void startTwoInstances() {
        var common = new String[] {
            "--server.port=0",
            "--govchat.identity.oidc.issuer-uri=" + MockSignInProvider.issuer(),
            "--govchat.identity.oidc.client-id=" + MockSignInProvider.CLIENT_ID,
            "--govchat.identity.oidc.client-secret=" + MockSignInProvider.CLIENT_SECRET,
        };
        instanceA = new SpringApplicationBuilder(GovchatApplication.class).run(common);
        var url = ((HikariDataSource) instanceA.getBean(DataSource.class)).getJdbcUrl();
        var sameDatabase = new ArrayList<>(List.of(common));
        sameDatabase.add("--spring.datasource.url=" + url);
        sameDatabase.add("--spring.datasource.username=postgres");
        instanceB = new SpringApplicationBuilder(GovchatApplication.class).run(sameDatabase.toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        if (instanceB != null) {
            instanceB.close();
        }
        if (instanceA != null) {
            instanceA.close();
        }
    }

    @Test
    void citizenOnOneInstanceAndOfficerOnAnotherHearEachOtherWithinASecond() {
        var citizen = new CitizenClient(port(instanceA));
        var officer = new CitizenClient(port(instanceB));
        MockSignInProvider.signIn(officer, withGroups("replica-officer", "/departments/immigration/staff"));
        var conversation = citizen.startConversation("immigration");
        var toOfficer = new ArrayList<Long>();
        var toCitizen = new ArrayList<Long>();

        try (var inbox = LiveEvents.of(officer.follow("/api/v1/staff/inbox/events", null))) {
            inbox.next(named("inbox"));
            var asked = System.nanoTime();
            assertThat(citizen.post("/api/v1/conversations/" + conversation + "/handoff", Map.of())
                            .status())
                    .isEqualTo(200);
            var listed = inbox.await(
                    e -> e.name().equals("inbox") && e.data().toString().contains(conversation), WITHIN);
            report("escalation on A reached the inbox on B", listed.nanos() - asked);
        }

        try (var citizenSide =
                        LiveEvents.of(citizen.follow("/api/v1/conversations/" + conversation + "/events", null));
                var officerSide = LiveEvents.of(
                        officer.follow("/api/v1/staff/conversations/" + conversation + "/events", null))) {
            citizenSide.next(named("state"));
            officerSide.next(named("state"));

            var claimed = System.nanoTime();
            assertThat(officer.post("/api/v1/staff/conversations/" + conversation + "/claim", Map.of())
                            .status())
                    .isEqualTo(200);
            var joined =
                    citizenSide.await(named("state").and(e -> e.text("phase").equals("CLAIMED")), WITHIN);
            report("claim on B reached the citizen on A", joined.nanos() - claimed);

            for (int round = 0; round < ROUNDS; round++) {
                var text = "Officer message " + round;
                var sent = System.nanoTime();
                assertThat(officer.post(
                                        "/api/v1/staff/conversations/" + conversation + "/messages",
                                        Map.of("content", text))
                                .status())
                        .isEqualTo(201);
                var arrived = citizenSide.await(
                        message("STAFF").and(e -> e.text("content").equals(text)), WITHIN);
                toCitizen.add(arrived.nanos() - sent);

                var question = "Citizen message " + round;
                var asked = System.nanoTime();
                try (var relayed = citizen.ask(conversation, question)) {
                    assertThat(relayed.next().name()).isEqualTo("relayed");
                }
                var received = officerSide.await(
                        message("USER").and(e -> e.text("content").equals(question)), WITHIN);
                toOfficer.add(received.nanos() - asked);
            }
        }
        report("officer on B → citizen on A", toCitizen);
        report("citizen on A → officer on B", toOfficer);
        assertThat(Collections.max(toCitizen)).isLessThan(WITHIN.toNanos());
        assertThat(Collections.max(toOfficer)).isLessThan(WITHIN.toNanos());
    }

    private static void report(String what, List<Long> nanos) {
        var sorted = nanos.stream().sorted().toList();
        System.out.printf(
                "cross-instance latency, %s: median %.1f ms, max %.1f ms over %d messages%n",
                what, sorted.get(sorted.size() / 2) / 1e6, sorted.getLast() / 1e6, sorted.size());
    }

    private static void report(String what, long nanos) {
        System.out.printf("cross-instance latency, %s: %.1f ms%n", what, nanos / 1e6);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
