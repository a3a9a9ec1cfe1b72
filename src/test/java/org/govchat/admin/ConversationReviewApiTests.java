package org.govchat.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govchat.support.MockSignInProvider.TestOfficer.withGroups;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.govchat.support.MockSignInProvider;
import org.govchat.support.MockSignInProvider.TestOfficer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Admins review their department's citizen conversations: filters (date, language, rating, status,
 * escalated, flagged, text in either Chinese script), transcripts whose opening is audited, follow-up
 * flags, CSV export; another department's conversations are never found.
 */
@AdminConsoleTest
class ConversationReviewApiTests {

    static final TestOfficer IMMIGRATION_ADMIN = withGroups("imm-review-admin", "/departments/immigration/admins");
    static final TestOfficer HOUSING_ADMIN = withGroups("hd-review-admin", "/departments/housing/admins");
    // a day no other test writes conversations on
    static final String DAY = "2021-06-15";
    static final String LIST = "/api/v1/admin/departments/immigration/conversations?from=" + DAY + "&to=" + DAY;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    UUID passport;
    UUID visa;
    UUID housing;

    UUID conversation(String department, String language, String status, String at, String... texts) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                insert into conversation (id, department_id, channel, owner_ref, language, status, title, created_at,
                                          last_activity_at)
                values (?, ?, 'CITIZEN', ?, ?, ?, ?, ?::timestamptz, ?::timestamptz)
                """)
                .params(id, department, "owner-" + id, language, status, texts[0], at, at)
                .update();
        for (int i = 0; i < texts.length; i++) {
            jdbc.sql("""
                    insert into message (id, conversation_id, seq, role, content, language, status, backend,
                                         created_at)
                    values (?, ?, ?, ?, ?, ?, 'COMPLETE', ?, ?::timestamptz)
                    """)
                    .params(
                            UUID.randomUUID(),
                            id,
                            i + 1,
                            i % 2 == 0 ? "USER" : "ASSISTANT",
                            texts[i],
                            language,
                            i % 2 == 0 ? null : "default",
                            at)
                    .update();
        }
        return id;
    }

    @BeforeEach
    void conversations() {
        jdbc.sql("delete from conversation where created_at::date = ?::date")
                .param(DAY)
                .update();
        passport =
                conversation("immigration", "zh-Hant", "ACTIVE", DAY + "T09:00:00+08:00", "我想續領護照，要帶甚麼文件？", "請帶同身份證。");
        visa = conversation(
                "immigration",
                "en",
                "ACTIVE",
                DAY + "T10:00:00+08:00",
                "How long does a visa take?",
                "About four weeks.");
        jdbc.sql("update conversation set status = 'ESCALATED' where id = ?")
                .param(visa)
                .update();
        var answer = jdbc.sql("select id from message where conversation_id = ? and seq = 2")
                .param(visa)
                .query(UUID.class)
                .single();
        jdbc.sql("insert into feedback (message_id, rating, comment) values (?, 'DOWN', 'too slow')")
                .param(answer)
                .update();
        housing = conversation(
                "housing", "en", "ACTIVE", DAY + "T11:00:00+08:00", "Public housing passport question", "Ask Housing.");
    }

    static List<String> ids(JsonNode page) {
        var ids = new ArrayList<String>();
        page.get("conversations").forEach(c -> ids.add(c.get("id").asString()));
        return ids;
    }

    @Test
    void theListFiltersByDateLanguageRatingStatusEscalationAndText() {
        var admin = MockSignInProvider.signedIn(port, IMMIGRATION_ADMIN);
        var all = admin.get(LIST);
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(ids(all.json())).containsExactly(visa.toString(), passport.toString());
        var first = all.json().get("conversations").get(0);
        assertThat(first.get("messages").asInt()).isEqualTo(2);
        assertThat(first.get("ratedDown").asInt()).isEqualTo(1);
        assertThat(first.get("status").asString()).isEqualTo("ESCALATED");
        assertThat(first.get("escalatedAt").asString()).isNotBlank();

        assertThat(ids(admin.get(LIST + "&language=zh-Hant").json())).containsExactly(passport.toString());
        assertThat(ids(admin.get(LIST + "&rating=down").json())).containsExactly(visa.toString());
        assertThat(ids(admin.get(LIST + "&rating=none").json())).containsExactly(passport.toString());
        assertThat(ids(admin.get(LIST + "&status=ESCALATED").json())).containsExactly(visa.toString());
        assertThat(ids(admin.get(LIST + "&escalated=false").json())).containsExactly(passport.toString());
        assertThat(ids(admin.get(LIST + "&q=four%20WEEKS").json())).containsExactly(visa.toString());
        // Simplified search text finds Traditional text; the Housing conversation with "passport" is not listed
        assertThat(ids(admin.get(LIST + "&q=" + encode("护照")).json())).containsExactly(passport.toString());
        assertThat(ids(admin.get(LIST + "&q=passport").json())).isEmpty();
        assertThat(ids(admin.get(LIST + "&q=" + encode("100%")).json())).isEmpty();
        assertThat(ids(admin.get("/api/v1/admin/departments/immigration/conversations?from=2021-06-16&to=2021-06-17")
                        .json()))
                .doesNotContain(visa.toString(), passport.toString());

        var paged = admin.get(LIST + "&limit=1").json();
        assertThat(ids(paged)).containsExactly(visa.toString());
        var next = admin.get(LIST + "&limit=1&cursor=" + paged.get("nextCursor").asString())
                .json();
        assertThat(ids(next)).containsExactly(passport.toString());
        assertThat(next.get("nextCursor").isNull()).isTrue();

        var bad = admin.language("zh-HK").get(LIST + "&language=fr");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("type").asString()).isEqualTo("/problems/invalid-review-filter");
        assertThat(bad.json().get("detail").asString()).isEqualTo("篩選條件無效。");
        assertThat(admin.get(LIST + "&cursor=garbage").status()).isEqualTo(400);
    }

    @Test
    void openingATranscriptIsAuditedAndShowsHowEachAnswerWasMade() {
        var admin = MockSignInProvider.signedIn(port, IMMIGRATION_ADMIN);
        var reply = admin.get("/api/v1/admin/departments/immigration/conversations/" + visa);
        assertThat(reply.status()).isEqualTo(200);
        var transcript = reply.json();
        assertThat(transcript.get("conversation").get("id").asString()).isEqualTo(visa.toString());
        var messages = transcript.get("messages");
        assertThat(messages.size()).isEqualTo(2);
        assertThat(messages.get(0).get("content").asString()).isEqualTo("How long does a visa take?");
        assertThat(messages.get(1).get("backend").asString()).isEqualTo("default");
        assertThat(messages.get(1).get("feedback").get("rating").asString()).isEqualTo("down");
        assertThat(messages.get(1).get("feedback").get("comment").asString()).isEqualTo("too slow");
        assertThat(reply.body()).doesNotContain("reasoning");

        var audit = jdbc.sql("""
                select actor, department_id, source_ip from audit_event
                where action = 'CONVERSATION_TRANSCRIPT_OPENED' and target_id = ?
                """)
                .param(visa.toString())
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
        assertThat(audit).containsExactly(List.of("imm-review-admin", "immigration", "127.0.0.1"));
    }

    @Test
    void aConversationCanBeFlaggedWithANoteAndUnflagged() {
        var admin = MockSignInProvider.signedIn(port, IMMIGRATION_ADMIN);
        var path = "/api/v1/admin/departments/immigration/conversations/" + passport + "/flag";
        var flagged = admin.put(path, Map.of("note", "Check the document list with the counter team"));
        assertThat(flagged.status()).isEqualTo(200);
        assertThat(flagged.json().get("flag").get("note").asString())
                .isEqualTo("Check the document list with the counter team");
        assertThat(flagged.json().get("flag").get("flaggedBy").asString()).isEqualTo("imm-review-admin");
        assertThat(ids(admin.get(LIST + "&flagged=true").json())).containsExactly(passport.toString());

        assertThat(admin.delete(path).status()).isEqualTo(204);
        assertThat(ids(admin.get(LIST + "&flagged=true").json())).isEmpty();
        var actions = jdbc.sql(
                        "select action from audit_event where target_id = ? and action like 'CONVERSATION_%FLAGGED' order by id")
                .param(passport.toString())
                .query(String.class)
                .list();
        assertThat(actions).containsExactly("CONVERSATION_FLAGGED", "CONVERSATION_UNFLAGGED");
    }

    @Test
    void theFilteredListExportsAsCsvAndTheExportIsAudited() {
        var admin = MockSignInProvider.signedIn(port, IMMIGRATION_ADMIN);
        jdbc.sql("update conversation set title = '=HYPERLINK(\"x\")' where id = ?")
                .param(visa)
                .update();
        var csv = admin.get("/api/v1/admin/departments/immigration/conversations/export?from=" + DAY + "&to=" + DAY);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment", "conversations-immigration.csv");
        var lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("\uFEFF\"id\",\"started\"");
        assertThat(lines[1])
                .startsWith("\"" + visa + "\"")
                .contains("\"ESCALATED\"")
                .endsWith("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(lines[2]).contains("我想續領護照").contains("+08:00");
        assertThat(jdbc.sql(
                                "select count(*) from audit_event where action = 'CONVERSATIONS_EXPORTED' and actor = 'imm-review-admin'")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void anotherDepartmentsConversationIsNotFoundEvenThroughTheAdminsOwnDepartmentsAddress() {
        var admin = MockSignInProvider.signedIn(port, IMMIGRATION_ADMIN);
        var base = "/api/v1/admin/departments/";
        var replies = List.of(
                admin.get(base + "immigration/conversations/" + housing),
                admin.put(base + "immigration/conversations/" + housing + "/flag", Map.of("note", "x")),
                admin.delete(base + "immigration/conversations/" + housing + "/flag"),
                admin.get(base + "housing/conversations/" + housing),
                admin.get(base + "housing/conversations?from=" + DAY + "&to=" + DAY),
                admin.get(base + "housing/conversations/export"));
        for (var reply : replies) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(404);
            assertThat(reply.body()).doesNotContain("Public housing passport question");
        }
        assertThat(replies.get(0).json().get("type").asString()).isEqualTo("/problems/conversation-not-found");
        assertThat(replies.get(3).json().get("type").asString()).isEqualTo("/problems/department-not-found");
        assertThat(jdbc.sql("select count(*) from conversation_flag where conversation_id = ?")
                        .param(housing)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from audit_event where target_id = ?")
                        .param(housing.toString())
                        .query(Long.class)
                        .single())
                .isZero();

        var housingAdmin = MockSignInProvider.signedIn(port, HOUSING_ADMIN);
        assertThat(housingAdmin.get(base + "housing/conversations/" + housing).status())
                .isEqualTo(200);
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
