package org.govchat.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govchat.support.MockSignInProvider.TestOfficer.withGroups;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.govchat.model.fake.FakeScript;
import org.govchat.support.CitizenClient;
import org.govchat.support.MockSignInProvider;
import org.govchat.support.MockSignInProvider.TestOfficer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard's figures come from daily rollups fed by database triggers: exact counts per local day
 * (Hong Kong), distinct citizens, ratings that follow a changed mind, escalations counted once, latency
 * percentiles, tokens per model; and they stay the same after the conversations are erased.
 */
@AdminConsoleTest
class DashboardApiTests {

    static final TestOfficer HOUSING_ADMIN = withGroups("hd-admin", "/departments/housing/admins");
    static final TestOfficer TRANSPORT_ADMIN = withGroups("td-dash-admin", "/departments/transport/admins");
    static final String RANGE = "?from=2020-03-01&to=2020-03-03";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    UUID conversation(String citizen, String createdAt) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                insert into conversation (id, department_id, channel, owner_ref, created_at, last_activity_at)
                values (?, 'housing', 'CITIZEN', ?, ?::timestamptz, ?::timestamptz)
                """).params(id, citizen, createdAt, createdAt).update();
        return id;
    }

    UUID message(
            UUID conversation,
            int seq,
            String role,
            String status,
            String language,
            String backend,
            Integer ttft,
            Integer duration,
            String createdAt) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                insert into message (id, conversation_id, seq, role, content, language, status, backend, model,
                                     tokens_in, tokens_out, time_to_first_token_ms, duration_ms, created_at)
                values (?, ?, ?, ?, 'text', ?, ?, ?, ?, ?, ?, ?, ?, ?::timestamptz)
                """)
                .params(
                        id,
                        conversation,
                        seq,
                        role,
                        language,
                        status,
                        backend,
                        backend == null ? null : backend.equals("default") ? "fake-model" : "qwen2.5:0.5b",
                        backend == null ? null : 10,
                        backend == null ? null : 20,
                        ttft,
                        duration,
                        createdAt)
                .update();
        return id;
    }

    @Test
    void figuresPerLocalDayStayWhenConversationsAreErased() {
        // A and B: the same citizen on 2 March (Hong Kong time); C: another citizen at 01:00 on 3 March, which
        // is still 2 March in UTC
        var a = conversation("citizen-one", "2020-03-02T10:00:00+08:00");
        message(a, 1, "USER", "COMPLETE", "en", null, null, null, "2020-03-02T10:00:00+08:00");
        var rated = message(a, 2, "ASSISTANT", "COMPLETE", "en", "default", 100, 1000, "2020-03-02T10:00:01+08:00");
        message(a, 3, "USER", "COMPLETE", "en", null, null, null, "2020-03-02T10:01:00+08:00");
        message(a, 4, "ASSISTANT", "FAILED", "en", null, null, 5, "2020-03-02T10:01:01+08:00");
        var b = conversation("citizen-one", "2020-03-02T11:00:00+08:00");
        message(b, 1, "USER", "COMPLETE", "zh-Hant", null, null, null, "2020-03-02T11:00:00+08:00");
        message(b, 2, "ASSISTANT", "CANCELLED", "zh-Hant", "spare", 300, 400, "2020-03-02T11:00:01+08:00");
        var c = conversation("citizen-two", "2020-03-03T01:00:00+08:00");
        message(c, 1, "USER", "COMPLETE", "yue-Hant", null, null, null, "2020-03-03T01:00:00+08:00");
        // an answer row is written STREAMING and finished later, as a turn does
        var streamed =
                message(c, 2, "ASSISTANT", "STREAMING", "yue-Hant", null, null, null, "2020-03-03T01:00:01+08:00");
        jdbc.sql("update message set content = 'partial text' where id = ?")
                .param(streamed)
                .update();
        jdbc.sql("""
                update message set status = 'COMPLETE', backend = 'default', model = 'fake-model', tokens_in = 30,
                    tokens_out = 40, time_to_first_token_ms = 200, duration_ms = 3000 where id = ?
                """).param(streamed).update();
        // escalated, closed, escalated again: one escalated conversation
        for (var status : new String[] {"ESCALATED", "CLOSED", "ESCALATED"}) {
            jdbc.sql("update conversation set status = ? where id = ?")
                    .params(status, c)
                    .update();
        }
        // a citizen changes their mind: up, then down
        jdbc.sql("insert into feedback (message_id, rating) values (?, 'UP')")
                .param(rated)
                .update();
        jdbc.sql("update feedback set rating = 'DOWN' where message_id = ?")
                .param(rated)
                .update();
        jdbc.sql("insert into feedback (message_id, rating) values (?, 'UP')")
                .param(streamed)
                .update();

        var admin = MockSignInProvider.signedIn(port, HOUSING_ADMIN);
        var first = admin.get("/api/v1/admin/departments/housing/dashboard" + RANGE);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertFigures(first.json());

        // retention (or the citizen) erases the conversations: last month's figures do not change
        jdbc.sql("delete from conversation where id in (?, ?, ?)")
                .params(a, b, c)
                .update();
        var after =
                admin.get("/api/v1/admin/departments/housing/dashboard" + RANGE).json();
        assertFigures(after);
    }

    private static void assertFigures(JsonNode dashboard) {
        assertThat(dashboard.get("timeZone").asString()).isEqualTo("Asia/Hong_Kong");
        var days = dashboard.get("days");
        assertThat(days.size()).isEqualTo(3);
        assertThat(days.get(0).get("date").asString()).isEqualTo("2020-03-01");
        assertThat(days.get(0).get("messages").asInt()).isZero();
        var second = days.get(1);
        assertThat(second.get("conversations").asInt()).isEqualTo(2);
        assertThat(second.get("citizens").asInt()).isEqualTo(1);
        assertThat(second.get("questions").asInt()).isEqualTo(3);
        assertThat(second.get("answers").asInt()).isEqualTo(3);
        assertThat(second.get("messages").asInt()).isEqualTo(6);
        var third = days.get(2);
        assertThat(third.get("conversations").asInt()).isEqualTo(1);
        assertThat(third.get("escalated").asInt()).isEqualTo(1);
        assertThat(third.get("messages").asInt()).isEqualTo(2);

        var totals = dashboard.get("totals");
        assertThat(totals.get("conversations").asLong()).isEqualTo(3);
        assertThat(totals.get("citizens").asLong()).isEqualTo(2);
        assertThat(totals.get("questions").asLong()).isEqualTo(4);
        assertThat(totals.get("answers").asLong()).isEqualTo(4);
        assertThat(totals.get("messages").asLong()).isEqualTo(8);
        assertThat(totals.get("escalated").asLong()).isEqualTo(1);
        assertThat(totals.get("escalatedShare").asDouble()).isEqualTo(1 / 3.0);
        assertThat(totals.get("ratedUp").asLong()).isEqualTo(1);
        assertThat(totals.get("ratedDown").asLong()).isEqualTo(1);
        assertThat(totals.get("satisfaction").asDouble()).isEqualTo(0.5);
        assertThat(totals.get("answersComplete").asLong()).isEqualTo(2);
        assertThat(totals.get("answersFailed").asLong()).isEqualTo(1);
        assertThat(totals.get("answersCancelled").asLong()).isEqualTo(1);
        assertThat(totals.get("failureRate").asDouble()).isEqualTo(0.25);
        assertThat(totals.get("cancelRate").asDouble()).isEqualTo(0.25);

        var languages = dashboard.get("languages");
        assertThat(languages.get(0).get("language").asString()).isEqualTo("en");
        assertThat(languages.get(0).get("questions").asLong()).isEqualTo(2);
        assertThat(languages.get(0).get("share").asDouble()).isEqualTo(0.5);
        assertThat(languages.toString()).contains("\"yue-Hant\"", "\"zh-Hant\"");

        var ttft = dashboard.get("latency").get("timeToFirstToken");
        assertThat(ttft.get("count").asLong()).isEqualTo(3);
        assertThat(ttft.get("p50Ms").asInt()).isBetween(190, 210);
        assertThat(ttft.get("p95Ms").asInt()).isBetween(285, 315);
        var duration = dashboard.get("latency").get("duration");
        assertThat(duration.get("count").asLong()).isEqualTo(2);
        assertThat(duration.get("p50Ms").asInt()).isBetween(950, 1050);
        assertThat(duration.get("p95Ms").asInt()).isBetween(2850, 3150);

        var models = dashboard.get("models");
        assertThat(models.size()).isEqualTo(2);
        assertThat(models.get(0).get("backend").asString()).isEqualTo("default");
        assertThat(models.get(0).get("model").asString()).isEqualTo("fake-model");
        assertThat(models.get(0).get("answers").asLong()).isEqualTo(2);
        assertThat(models.get(0).get("tokensIn").asLong()).isEqualTo(40);
        assertThat(models.get(0).get("tokensOut").asLong()).isEqualTo(60);
        assertThat(models.get(1).get("backend").asString()).isEqualTo("spare");
    }

    @Test
    void aCitizensTurnCountsAtOnce() {
        var admin = MockSignInProvider.signedIn(port, HOUSING_ADMIN);
        var path = "/api/v1/admin/departments/housing/dashboard";
        var before = admin.get(path).json().get("totals");
        AdminTestBackends.PRIMARY.enqueue(FakeScript.answer("Apply", " online."));
        var citizen = new CitizenClient(port);
        try (var stream = citizen.ask(citizen.startConversation("housing"), "How do I apply?")) {
            assertThat(stream.drain().getLast().name()).isEqualTo("done");
        }
        var after = admin.get(path).json().get("totals");
        assertThat(after.get("conversations").asLong())
                .isEqualTo(before.get("conversations").asLong() + 1);
        assertThat(after.get("questions").asLong())
                .isEqualTo(before.get("questions").asLong() + 1);
        assertThat(after.get("answersComplete").asLong())
                .isEqualTo(before.get("answersComplete").asLong() + 1);
        assertThat(OffsetDateTime.now()).isNotNull();
    }

    @Test
    void anotherDepartmentsDashboardIs404AndABadRangeIs400() {
        var other = MockSignInProvider.signedIn(port, TRANSPORT_ADMIN);
        var refused = other.get("/api/v1/admin/departments/housing/dashboard" + RANGE);
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.json().get("type").asString()).isEqualTo("/problems/department-not-found");

        var backwards = other.language("zh-HK")
                .get("/api/v1/admin/departments/transport/dashboard?from=2020-03-03&to=2020-03-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("type").asString()).isEqualTo("/problems/invalid-date-range");
        assertThat(backwards.json().get("detail").asString()).startsWith("日期範圍無效");
        assertThat(other.get("/api/v1/admin/departments/transport/dashboard?from=2019-01-01&to=2020-03-01")
                        .status())
                .isEqualTo(400);
        assertThat(other.get("/api/v1/admin/departments/transport/dashboard?from=yesterday")
                        .status())
                .isEqualTo(400);
    }
}
