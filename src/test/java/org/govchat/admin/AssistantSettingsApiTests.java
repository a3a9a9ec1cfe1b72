package org.govchat.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.govchat.support.MockSignInProvider.TestOfficer.withGroups;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.govchat.department.DepartmentCatalog;
import org.govchat.model.fake.FakeScript;
import org.govchat.support.CitizenClient;
import org.govchat.support.MockSignInProvider;
import org.govchat.support.MockSignInProvider.TestOfficer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Department admins edit their assistant: every save is a new version, versions can be compared and rolled
 * back, the kill switch takes the assistant offline for citizens, supervised mode holds their answers for an
 * officer, everything is validated and audited, and nothing of another department can be read or changed.
 */
@AdminConsoleTest
class AssistantSettingsApiTests {

    static final String OWN = "inland-revenue";
    static final String OTHER = "transport";
    static final TestOfficer REVENUE_ADMIN = withGroups("ird-admin", "/departments/inland-revenue/admins");
    static final TestOfficer TRANSPORT_ADMIN = withGroups("td-admin", "/departments/transport/admins");
    static final TestOfficer PLATFORM_ADMIN = withGroups("platform-operator", "/platform-admins");
    static final TestOfficer REVENUE_OFFICER = withGroups("ird-officer", "/departments/inland-revenue/staff");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DepartmentCatalog catalog;

    @AfterEach
    void restoreDemoData() {
        DepartmentRestore.restore(jdbc, catalog, OWN);
        DepartmentRestore.restore(jdbc, catalog, OTHER);
    }

    static String base(String department) {
        return "/api/v1/admin/departments/" + department;
    }

    /** The current settings as a save request, with {@code change} applied to a copy. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> editOf(JsonNode settings, java.util.function.Consumer<Map<String, Object>> change) {
        var active = settings.get("active");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("editedVersion", active.get("version").asInt());
        var content = CitizenClient.JSON.convertValue(active.get("settings"), Map.class);
        body.putAll(content);
        change.accept(body);
        return body;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> profileOf(Map<String, Object> body) {
        return (Map<String, Object>) body.get("profile");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> greetingOf(Map<String, Object> body) {
        return (Map<String, Object>) profileOf(body).get("greeting");
    }

    @Test
    void aSaveIsANewVersionWithWhoAndWhenAndTheOldVersionStaysAsItWas() {
        var admin = MockSignInProvider.signedIn(port, REVENUE_ADMIN);
        var before = admin.get(base(OWN) + "/settings");
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.json().get("switchedOn").asBoolean()).isTrue();
        assertThat(before.json().get("active").get("version").asInt()).isEqualTo(1);
        var originalGreeting = before.json()
                .get("active")
                .get("settings")
                .get("profile")
                .get("greeting")
                .get("zh-Hant")
                .asString();

        var saved = admin.put(base(OWN) + "/settings", editOf(before.json(), body -> {
            greetingOf(body).put("zh-Hant", "你好！我是稅務助理。");
            profileOf(body).put("temperature", 0.7);
            profileOf(body).put("model", "fake-large");
            profileOf(body).put("fallbackBackends", List.of("spare"));
            profileOf(body).put("handoffEnabled", true);
            body.put("retentionDays", 90);
        }));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        assertThat(saved.header("Location")).endsWith(base(OWN) + "/versions/2");
        var version = saved.json();
        assertThat(version.get("version").asInt()).isEqualTo(2);
        assertThat(version.get("active").asBoolean()).isTrue();
        assertThat(version.get("createdBy").asString()).isEqualTo("ird-admin");
        assertThat(version.get("settings")
                        .get("profile")
                        .get("greeting")
                        .get("zh-Hant")
                        .asString())
                .isEqualTo("你好！我是稅務助理。");

        var history = admin.get(base(OWN) + "/versions").json();
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(0).get("version").asInt()).isEqualTo(2);
        assertThat(history.get(0).get("createdBy").asString()).isEqualTo("ird-admin");
        assertThat(history.get(0).get("createdAt").asString()).isNotBlank();
        assertThat(history.get(1).get("createdBy").asString()).isEqualTo("demo-data");
        assertThat(history.get(1).get("active").asBoolean()).isFalse();

        var first = admin.get(base(OWN) + "/versions/1").json();
        assertThat(first.get("settings")
                        .get("profile")
                        .get("greeting")
                        .get("zh-Hant")
                        .asString())
                .isEqualTo(originalGreeting);

        // what citizens see, and what a turn uses, changed at once
        var citizen = new CitizenClient(port).get("/api/v1/departments/" + OWN).json();
        assertThat(citizen.get("greeting").get("zh-Hant").asString()).isEqualTo("你好！我是稅務助理。");
        assertThat(citizen.get("retentionDays").asInt()).isEqualTo(90);
        var profile = catalog.activeProfile(OWN);
        assertThat(profile.version()).isEqualTo(2);
        assertThat(profile.model()).isEqualTo("fake-large");
        assertThat(profile.fallbackBackends()).containsExactly("spare");
        assertThat(profile.handoffEnabled()).isTrue();
        assertThat(jdbc.sql("select retention_days from department where id = ?")
                        .param(OWN)
                        .query(Integer.class)
                        .single())
                .isEqualTo(90);

        var audit = jdbc.sql("""
                select actor, target_id, details->>'previousVersion', details->'changed' from audit_event
                where action = 'PROFILE_CHANGED' and department_id = ? order by id desc limit 1
                """)
                .param(OWN)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .single();
        assertThat(audit.get(0)).isEqualTo("ird-admin");
        assertThat(audit.get(1)).isEqualTo(OWN + "/v2");
        assertThat(audit.get(2)).isEqualTo("1");
        assertThat(audit.get(3))
                .contains(
                        "profile.greeting.zh-Hant",
                        "profile.temperature",
                        "profile.model",
                        "profile.fallbackBackends",
                        "retentionDays")
                .doesNotContain("稅務");
    }

    @Test
    void versionsCanBeComparedAndRollingBackWritesANewVersionCopyingTheOldOne() {
        var admin = MockSignInProvider.signedIn(port, REVENUE_ADMIN);
        var settings = admin.get(base(OWN) + "/settings").json();
        var originalPrompt = settings.get("active")
                .get("settings")
                .get("profile")
                .get("systemPrompt")
                .asString();
        admin.put(base(OWN) + "/settings", editOf(settings, body -> {
            profileOf(body).put("systemPrompt", originalPrompt + "\nAlways mention the e-Tax portal.");
            greetingOf(body).put("en", "Hi from tax.");
        }));

        var diff = admin.get(base(OWN) + "/versions/diff?from=1&to=2").json();
        assertThat(diff.get("from").asInt()).isEqualTo(1);
        var fields = new java.util.ArrayList<String>();
        diff.get("changes").forEach(change -> fields.add(change.get("field").asString()));
        assertThat(fields).containsExactly("profile.greeting.en", "profile.systemPrompt");
        var prompt = diff.get("changes").get(1);
        assertThat(prompt.get("after").asString()).endsWith("Always mention the e-Tax portal.");
        var lastLine = prompt.get("lines").get(prompt.get("lines").size() - 1);
        assertThat(lastLine.get("kind").asString()).isEqualTo("added");
        assertThat(lastLine.get("text").asString()).isEqualTo("Always mention the e-Tax portal.");

        var restored = admin.post(base(OWN) + "/versions/1/restore", Map.of("editedVersion", 2));
        assertThat(restored.status()).as(restored.body()).isEqualTo(201);
        assertThat(restored.json().get("version").asInt()).isEqualTo(3);
        assertThat(restored.json().get("restoredFrom").asInt()).isEqualTo(1);
        assertThat(admin.get(base(OWN) + "/versions/diff?from=1&to=3")
                        .json()
                        .get("changes")
                        .size())
                .isZero();
        assertThat(catalog.activeProfile(OWN).systemPrompt()).isEqualTo(originalPrompt);
        assertThat(admin.get(base(OWN) + "/versions").json().size()).isEqualTo(3);
        assertThat(jdbc.sql("""
                        select details->>'restoredFrom' from audit_event
                        where action = 'PROFILE_ROLLED_BACK' and department_id = ? order by id desc limit 1
                        """).param(OWN).query(String.class).single()).isEqualTo("1");
    }

    @Test
    void aSaveStartedFromAnOlderVersionIsRefusedWith409AndSavesNothing() {
        var admin = MockSignInProvider.signedIn(port, REVENUE_ADMIN);
        var settings = admin.get(base(OWN) + "/settings").json();
        admin.put(
                base(OWN) + "/settings",
                editOf(settings, body -> greetingOf(body).put("en", "First edit")));
        var late = admin.put(
                base(OWN) + "/settings",
                editOf(settings, body -> greetingOf(body).put("en", "Late edit")));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("type").asString()).isEqualTo("/problems/profile-version-conflict");
        assertThat(late.json().get("activeVersion").asInt()).isEqualTo(2);
        assertThat(catalog.activeProfile(OWN).greeting().en()).isEqualTo("First edit");
    }

    @Test
    void invalidSettingsAre400WithATranslatedReasonPerFieldAndNothingIsSaved() {
        var admin = MockSignInProvider.signedIn(port, REVENUE_ADMIN).language("zh-HK");
        var settings = admin.get(base(OWN) + "/settings").json();
        var reply = admin.put(base(OWN) + "/settings", editOf(settings, body -> {
            profileOf(body).put("backendId", "cloud-gpt");
            profileOf(body).put("temperature", 2.5);
            profileOf(body).put("maxOutputTokens", 0);
            profileOf(body).put("memoryMessages", 201);
            greetingOf(body).put("zh-Hans", "  ");
            body.put("retentionDays", 0);
        }));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asString()).isEqualTo("/problems/invalid-settings");
        assertThat(reply.json().get("detail").asString()).isEqualTo("部分設定無效，所有內容均未儲存。");
        var errors = new LinkedHashMap<String, String>();
        reply.json()
                .get("errors")
                .forEach(e ->
                        errors.put(e.get("field").asString(), e.get("message").asString()));
        assertThat(errors)
                .containsEntry("profile.backendId", "沒有名為「cloud-gpt」的模型後端。")
                .containsEntry("profile.temperature", "必須介乎 0 至 2。")
                .containsEntry("profile.maxOutputTokens", "必須介乎 1 至 32,768。")
                .containsEntry("profile.memoryMessages", "必須介乎 0 至 200。")
                .containsEntry("profile.greeting.zh-Hans", "此欄必須填寫。")
                .containsEntry("retentionDays", "必須介乎 1 至 3,650。");

        var english = MockSignInProvider.signedIn(port, REVENUE_ADMIN)
                .put(base(OWN) + "/settings", editOf(settings, body -> {
                    profileOf(body).put("model", "gpt-4o");
                    profileOf(body).put("fallbackBackends", List.of("spare", "spare", "elsewhere"));
                }));
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.body())
                .contains("The backend 'default' does not offer the model 'gpt-4o'.")
                .contains("The backend 'spare' is already used")
                .contains("There is no model backend called 'elsewhere'.");
        assertThat(admin.get(base(OWN) + "/versions").json().size()).isOne();
    }

    @Test
    void backendsAreListedWithTheirModelsAndLiveState() {
        var backends = MockSignInProvider.signedIn(port, REVENUE_ADMIN)
                .get("/api/v1/admin/backends")
                .json();
        assertThat(backends.size()).isEqualTo(2);
        var byId = new LinkedHashMap<String, JsonNode>();
        backends.forEach(backend -> byId.put(backend.get("id").asString(), backend));
        assertThat(byId).containsOnlyKeys("default", "spare");
        var primary = byId.get("default");
        assertThat(primary.get("type").asString()).isEqualTo("OPENAI_COMPATIBLE");
        assertThat(primary.get("models").toString()).isEqualTo("[\"fake-model\",\"fake-large\"]");
        assertThat(primary.get("state").asString()).isIn("UP", "DOWN", "STARTING", "CIRCUIT_OPEN");
        assertThat(byId.get("spare").get("type").asString()).isEqualTo("OLLAMA");
    }

    @Test
    void theKillSwitchShowsCitizensTheSwitchedOffBannerAndIsAudited() {
        var admin = MockSignInProvider.signedIn(port, REVENUE_ADMIN);
        var citizen = new CitizenClient(port);
        var conversation = citizen.startConversation(OWN);
        var off = admin.put(base(OWN) + "/assistant", Map.of("on", false));
        assertThat(off.status()).isEqualTo(200);
        assertThat(off.json().get("switchedOn").asBoolean()).isFalse();

        var department = citizen.get("/api/v1/departments/" + OWN).json();
        assertThat(department.get("available").asBoolean()).isFalse();
        assertThat(department.get("unavailableReason").asString()).isEqualTo("switched-off");
        assertThat(citizen.post("/api/v1/conversations", Map.of("departmentId", OWN))
                        .status())
                .isEqualTo(503);
        var refused = citizen.language("zh-HK")
                .post("/api/v1/conversations/" + conversation + "/messages", Map.of("content", "點樣報稅？"));
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.json().get("type").asString()).isEqualTo("/problems/assistant-switched-off");
        assertThat(refused.json().get("detail").asString()).isEqualTo("此助理暫時停止服務，請稍後再試或直接聯絡有關部門。");

        // the admin still sees and edits the profile of a switched-off assistant
        var settings = admin.get(base(OWN) + "/settings").json();
        assertThat(settings.get("switchedOn").asBoolean()).isFalse();
        assertThat(settings.get("active").get("version").asInt()).isEqualTo(1);
        assertThat(admin.get(base(OWN))
                        .json()
                        .get("activeProfile")
                        .get("version")
                        .asInt())
                .isEqualTo(1);

        assertThat(admin.put(base(OWN) + "/assistant", Map.of("on", true))
                        .json()
                        .get("switchedOn")
                        .asBoolean())
                .isTrue();
        assertThat(citizen.get("/api/v1/departments/" + OWN)
                        .json()
                        .get("available")
                        .asBoolean())
                .isTrue();
        var actions = jdbc.sql("""
                select action from audit_event where department_id = ? and actor = 'ird-admin'
                  and action like 'ASSISTANT_SWITCHED_%' order by id
                """).param(OWN).query(String.class).list();
        assertThat(actions).endsWith("ASSISTANT_SWITCHED_OFF", "ASSISTANT_SWITCHED_ON");
    }

    boolean supervised(String departmentId) {
        return jdbc.sql("select supervised_answers from department where id = ?")
                .param(departmentId)
                .query(Boolean.class)
                .single();
    }

    long lastAuditId() {
        return jdbc.sql("select coalesce(max(id), 0) from audit_event")
                .query(Long.class)
                .single();
    }

    @Test
    void supervisedModeHoldsTheCitizensNextAnswerForAnOfficerAndIsAudited() {
        var admin = MockSignInProvider.signedIn(port, REVENUE_ADMIN);
        assertThat(admin.get(base(OWN) + "/settings")
                        .json()
                        .get("supervisedAnswers")
                        .asBoolean())
                .isFalse();
        var citizen = new CitizenClient(port);
        var conversation = citizen.startConversation(OWN);
        var auditedBefore = lastAuditId();

        var on = admin.put(base(OWN) + "/supervision", Map.of("on", true));
        assertThat(on.status()).as(on.body()).isEqualTo(200);
        assertThat(on.json().get("supervisedAnswers").asBoolean()).isTrue();
        assertThat(admin.put(base(OWN) + "/supervision", Map.of("on", true)).status())
                .as("switching on what is on changes nothing")
                .isEqualTo(200);
        assertThat(admin.get(base(OWN) + "/settings")
                        .json()
                        .get("supervisedAnswers")
                        .asBoolean())
                .isTrue();
        assertThat(supervised(OWN)).isTrue();
        assertThat(supervised(OTHER)).isFalse();

        // the citizen's next answer is written but held: not a word of it reaches them yet
        AdminTestBackends.PRIMARY.enqueue(FakeScript.answer("File", " by", " 2 June."));
        String answerId;
        try (var answer = citizen.ask(conversation, "When is the tax return due?")) {
            answerId = answer.until(e -> e.name().equals("start")).text("assistantMessageId");
            answer.until(e -> e.name().equals("held"));
            assertThat(answer.received()).extracting(CitizenClient.Event::name).doesNotContain("delta");
        }
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.sql("""
                                select review_state || ' ' || status || ' ' || content from message where id = ?
                                """)
                                .param(UUID.fromString(answerId))
                                .query(String.class)
                                .single())
                        .isEqualTo("PENDING COMPLETE File by 2 June."));
        var officer = MockSignInProvider.signedIn(port, REVENUE_OFFICER);
        var waiting = officer.get("/api/v1/staff/inbox").json().get("answersToReview");
        assertThat(waiting.valueStream().map(a -> a.get("messageId").asString()))
                .contains(answerId);
        assertThat(officer.post("/api/v1/staff/answers/" + answerId + "/approve", Map.of())
                        .status())
                .isEqualTo(200);

        var off = admin.put(base(OWN) + "/supervision", Map.of("on", false));
        assertThat(off.status()).isEqualTo(200);
        assertThat(off.json().get("supervisedAnswers").asBoolean()).isFalse();
        try (var answer = citizen.ask(conversation, "Thank you")) {
            assertThat(answer.drain())
                    .extracting(CitizenClient.Event::name)
                    .doesNotContain("held")
                    .contains("delta", "done");
        }
        assertThat(jdbc.sql("""
                        select count(*) from message where conversation_id = ? and role = 'ASSISTANT'
                          and review_state is null and status = 'COMPLETE'
                        """)
                        .param(UUID.fromString(conversation))
                        .query(Long.class)
                        .single())
                .as("the answer after switching off was not held")
                .isOne();

        var audit = jdbc.sql("""
                select actor || ' ' || action || ' ' || target_type || ' ' || target_id from audit_event
                where id > ? and department_id = ? and action like 'SUPERVISION_SWITCHED_%' order by id
                """).params(auditedBefore, OWN).query(String.class).list();
        assertThat(audit)
                .containsExactly(
                        "ird-admin SUPERVISION_SWITCHED_ON department inland-revenue",
                        "ird-admin SUPERVISION_SWITCHED_OFF department inland-revenue");
    }

    @Test
    void supervisionIsSwitchedOnlyByTheDepartmentsAdminsWhoMustSayOnOrOff() {
        var path = base(OWN) + "/supervision";
        var auditedBefore = lastAuditId();
        var missing = MockSignInProvider.signedIn(port, REVENUE_ADMIN)
                .language("zh-HK")
                .put(path, Map.of());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        assertThat(missing.json().get("type").asString()).isEqualTo("/problems/invalid-settings");
        var error = missing.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("on");
        assertThat(error.get("message").asString()).isEqualTo("此欄必須填寫。");

        var staff = MockSignInProvider.signedIn(port, REVENUE_OFFICER).put(path, Map.of("on", true));
        assertThat(staff.status()).isEqualTo(403);
        assertThat(staff.json().get("type").asString()).isEqualTo("/problems/forbidden");

        var anonymous = new CitizenClient(port).put(path, Map.of("on", true));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("type").asString()).isEqualTo("/problems/unauthenticated");

        assertThat(supervised(OWN)).isFalse();
        assertThat(jdbc.sql("select count(*) from audit_event where id > ? and action like 'SUPERVISION_%'")
                        .param(auditedBefore)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theOpenApiDescribesTheSupervisionSwitch() {
        var api = new CitizenClient(port).get("/v3/api-docs").json();
        var put = api.get("paths")
                .get("/api/v1/admin/departments/{departmentId}/supervision")
                .get("put");
        assertThat(put.at("/requestBody/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/Switch");
        assertThat(put.at("/responses/200/content/*~1*/schema/$ref").asString())
                .isEqualTo("#/components/schemas/Supervision");
        var schemas = api.get("components").get("schemas");
        assertThat(schemas.at("/Switch/properties/on/type").asString()).isEqualTo("boolean");
        assertThat(schemas.at("/Supervision/properties/supervisedAnswers/type").asString())
                .isEqualTo("boolean");
        assertThat(schemas.at("/Settings/properties/supervisedAnswers/type").asString())
                .isEqualTo("boolean");
    }

    @Test
    void anAdminOfOneDepartmentGets404ForEverythingOfAnother() {
        var admin = MockSignInProvider.signedIn(port, REVENUE_ADMIN);
        var settings = admin.get(base(OWN) + "/settings").json();
        var requests = List.of(
                admin.get(base(OTHER) + "/settings"),
                admin.get(base(OTHER) + "/versions"),
                admin.get(base(OTHER) + "/versions/1"),
                admin.get(base(OTHER) + "/versions/diff?from=1&to=1"),
                admin.put(base(OTHER) + "/settings", editOf(settings, body -> {})),
                admin.post(base(OTHER) + "/versions/1/restore", Map.of("editedVersion", 1)),
                admin.put(base(OTHER) + "/assistant", Map.of("on", false)),
                admin.put(base(OTHER) + "/supervision", Map.of("on", true)));
        for (var reply : requests) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(404);
            assertThat(reply.json().get("type").asString()).isEqualTo("/problems/department-not-found");
            assertThat(reply.body()).doesNotContain("Transport Department");
        }
        assertThat(catalog.get(OTHER).available()).isTrue();
        assertThat(catalog.activeProfile(OTHER).version()).isEqualTo(1);
        assertThat(supervised(OTHER)).isFalse();

        assertThat(MockSignInProvider.signedIn(port, TRANSPORT_ADMIN)
                        .get(base(OTHER) + "/settings")
                        .status())
                .isEqualTo(200);
        assertThat(MockSignInProvider.signedIn(port, PLATFORM_ADMIN)
                        .get(base(OTHER) + "/versions")
                        .status())
                .isEqualTo(200);
        assertThat(admin.get(base(OWN) + "/versions/99").json().get("type").asString())
                .isEqualTo("/problems/profile-version-not-found");
    }
}
