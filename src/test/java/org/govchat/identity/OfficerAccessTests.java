package org.govchat.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govchat.support.MockSignInProvider.TestOfficer.withGroups;
import static org.govchat.support.MockSignInProvider.TestOfficer.withRoles;

import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import org.govchat.support.CitizenClient;
import org.govchat.support.IdentityIntegrationTest;
import org.govchat.support.MockSignInProvider;
import org.govchat.support.MockSignInProvider.TestOfficer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Officers sign in at a real OpenID provider (authorization code + PKCE, every redirect followed by a
 * cookie-keeping client); their groups and roles decide what they see, department by department.
 */
@IdentityIntegrationTest
class OfficerAccessTests {

    static final TestOfficer IMMIGRATION_ADMIN = withGroups("imm-admin", "/departments/immigration/admins");
    static final TestOfficer IMMIGRATION_OFFICER = withGroups("imm-officer", "/departments/immigration/staff");
    static final TestOfficer PLATFORM_ADMIN = withGroups("operator", "/platform-admins");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    CitizenClient browser() {
        return new CitizenClient(port);
    }

    CitizenClient signedIn(TestOfficer officer) {
        var browser = browser();
        MockSignInProvider.signIn(browser, officer);
        return browser;
    }

    @Test
    void officerSignsInWithAuthorizationCodeAndPkceAndLandsInTheStaffPortal() {
        var browser = browser();
        var signIn = MockSignInProvider.signIn(browser, IMMIGRATION_OFFICER);

        assertThat(signIn.authorizationRequest().toString())
                .startsWith(MockSignInProvider.issuer())
                .contains("response_type=code", "client_id=govchat-web", "code_challenge_method=S256")
                .contains("code_challenge=", "state=", "nonce=", "scope=openid");
        assertThat(signIn.callbackStatus()).isEqualTo(302);
        assertThat(signIn.landing()).endsWith("/staff");

        var me = browser.get("/api/v1/staff/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("displayName").asString()).isEqualTo("Officer imm-officer");
        assertThat(me.json().get("roles").toString()).isEqualTo("[\"STAFF\"]");
        assertThat(me.json().get("departments").get(0).get("id").asString()).isEqualTo("immigration");
        assertThat(me.json().get("departments").get(0).get("names").get("en").asString())
                .isEqualTo("Immigration Department");
        assertThat(me.json().get("departments").size()).isEqualTo(1);
    }

    @Test
    void theSessionIsKeptInPostgresqlNotInTheAppsMemory() {
        var browser = signedIn(IMMIGRATION_OFFICER);
        var sessionCookie = browser.cookie("govchat_session");
        assertThat(sessionCookie).isNotBlank();
        var sessions = jdbc.sql("select count(*) from spring_session where principal_name = 'imm-officer'")
                .query(Long.class)
                .single();
        assertThat(sessions).isPositive();
    }

    @Test
    void adminsLandInTheAdminConsoleAndAPageAskedForFirstIsWhereSignInReturns() {
        assertThat(MockSignInProvider.signIn(browser(), IMMIGRATION_ADMIN).landing())
                .endsWith("/admin");
        var fromPage = MockSignInProvider.signIn(browser(), IMMIGRATION_OFFICER, "/staff/inbox");
        assertThat(fromPage.landing()).contains("/staff/inbox");
    }

    @Test
    void rolesAndDepartmentsComeFromGroupClaims() {
        var browser = signedIn(
                withGroups("mixed", "/departments/immigration/admins", "/departments/housing/staff", "/elsewhere"));
        var me = browser.get("/api/v1/admin/me").json();
        assertThat(me.get("username").asString()).isEqualTo("mixed");
        assertThat(me.get("email").asString()).isEqualTo("mixed@city.example");
        assertThat(me.get("roles").toString()).isEqualTo("[\"DEPT_ADMIN\",\"STAFF\"]");
        assertThat(me.get("everyDepartment").asBoolean()).isFalse();
        assertThat(ids(me.get("departments"))).containsExactly("immigration");

        var staffView = browser.get("/api/v1/staff/me").json();
        assertThat(ids(staffView.get("departments"))).containsExactlyInAnyOrder("immigration", "housing");
    }

    @Test
    void aRolesClaimAloneCanMakeAPlatformAdmin() {
        var me = signedIn(withRoles("root", "PLATFORM_ADMIN", "offline_access"))
                .get("/api/v1/admin/me")
                .json();
        assertThat(me.get("roles").toString()).isEqualTo("[\"PLATFORM_ADMIN\"]");
        assertThat(me.get("everyDepartment").asBoolean()).isTrue();
        assertThat(ids(me.get("departments"))).hasSize(4);
    }

    @Test
    void deptAdminOfImmigrationGets404ForTransport() {
        var browser = signedIn(IMMIGRATION_ADMIN);
        var transport = browser.get("/api/v1/admin/departments/transport");
        assertThat(transport.status()).isEqualTo(404);
        assertThat(transport.header("Content-Type")).startsWith("application/problem+json");
        assertThat(transport.json().get("type").asString()).isEqualTo("/problems/department-not-found");
        assertThat(transport.body()).doesNotContain("Transport Department").doesNotContain("systemPrompt");
        assertThat(browser.get("/api/v1/admin/departments/no-such-department")
                        .json()
                        .get("type")
                        .asString())
                .as("indistinguishable from a department that does not exist")
                .isEqualTo("/problems/department-not-found");

        var own = browser.get("/api/v1/admin/departments/immigration");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("activeProfile").get("version").asInt()).isEqualTo(1);
        assertThat(own.json().get("activeProfile").get("systemPrompt").asString())
                .contains("Immigration");
    }

    @Test
    void deptAdminListsOnlyTheDepartmentsTheyAdminister() {
        var listed =
                signedIn(IMMIGRATION_ADMIN).get("/api/v1/admin/departments").json();
        assertThat(ids(listed)).containsExactly("immigration");
    }

    @Test
    void platformAdminSeesEveryDepartment() {
        var browser = signedIn(PLATFORM_ADMIN);
        assertThat(ids(browser.get("/api/v1/admin/departments").json()))
                .containsExactlyInAnyOrder("immigration", "transport", "housing", "inland-revenue");
        assertThat(browser.get("/api/v1/admin/departments/transport").status()).isEqualTo(200);
    }

    @Test
    void staffGets403OnAdminApi() {
        var reply = signedIn(IMMIGRATION_OFFICER).get("/api/v1/admin/departments");
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asString()).isEqualTo("/problems/forbidden");
        assertThat(reply.json().get("detail").asString()).isEqualTo("Your account does not have permission for this.");
    }

    @Test
    void deptAdminGets403OnTheAuditTrail() {
        var reply = signedIn(IMMIGRATION_ADMIN).get("/api/v1/admin/audit");
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().get("type").asString()).isEqualTo("/problems/forbidden");
    }

    @Test
    void anonymousGets401OnStaffApi() {
        var reply = browser().language("zh-HK").get("/api/v1/staff/me");
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asString()).isEqualTo("/problems/unauthenticated");
        assertThat(reply.json().get("detail").asString()).isEqualTo("請先登入。");
        assertThat(reply.json().get("signInUrl").asString()).isEqualTo("/oauth2/authorization/sso");
        assertThat(reply.setCookie("govchat_session"))
                .as("no session for an anonymous API call")
                .isNull();
    }

    @Test
    void anonymousGets401OnAdminApi() {
        var reply = browser().get("/api/v1/admin/departments/immigration");
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("type").asString()).isEqualTo("/problems/unauthenticated");
    }

    @Test
    void anonymousIsRedirectedToLoginOnAdminPage() {
        var reply = browser().get("/admin");
        assertThat(reply.status()).isEqualTo(302);
        assertThat(reply.header("Location")).endsWith("/oauth2/authorization/sso");
    }

    @Test
    void anonymousIsRedirectedToLoginOnStaffPage() {
        var reply = browser().get("/staff/inbox");
        assertThat(reply.status()).isEqualTo(302);
        assertThat(reply.header("Location")).endsWith("/oauth2/authorization/sso");
    }

    @Test
    void citizenEndpointsStayOpenToAnonymousCallersAndToOfficers() {
        assertThat(browser().get("/api/v1/departments").status()).isEqualTo(200);
        var officer = signedIn(IMMIGRATION_OFFICER);
        assertThat(officer.startConversation("housing")).isNotBlank();
        assertThat(officer.get("/api/v1/conversations").json().size()).isEqualTo(1);
    }

    @Test
    void staffOfImmigrationGets404ForATransportConversationAndOpeningTheirOwnIsAudited() {
        var citizen = browser();
        var transport = citizen.startConversation("transport");
        var immigration = citizen.startConversation("immigration");
        var officer = signedIn(IMMIGRATION_OFFICER);

        var refused = officer.get("/api/v1/staff/conversations/" + transport + "/messages");
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.json().get("type").asString()).isEqualTo("/problems/conversation-not-found");

        var opened = officer.get("/api/v1/staff/conversations/" + immigration + "/messages");
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.json().get("conversation").get("departmentId").asString())
                .isEqualTo("immigration");

        var audit = jdbc.sql("""
                select actor, department_id, target_type, source_ip from audit_event
                where action = 'CITIZEN_CONVERSATION_OPENED' and target_id = ?
                """)
                .param(immigration)
                .query((rs, n) -> Map.of(
                        "actor", rs.getString(1),
                        "department", rs.getString(2),
                        "target", rs.getString(3),
                        "ip", rs.getString(4)))
                .list();
        assertThat(audit)
                .containsExactly(Map.of(
                        "actor",
                        "imm-officer",
                        "department",
                        "immigration",
                        "target",
                        "conversation",
                        "ip",
                        "127.0.0.1"));
        assertThat(jdbc.sql("select count(*) from audit_event where target_id = ?")
                        .param(transport)
                        .query(Long.class)
                        .single())
                .as("a refused opening shows nothing and records nothing")
                .isZero();
    }

    @Test
    void signInsAreAuditedWithActorTimeAndSourceAddress() {
        var officer =
                withGroups("audited-" + UUID.randomUUID().toString().substring(0, 8), "/departments/housing/staff");
        signedIn(officer);
        var row = jdbc.sql("""
                select actor, source_ip, details->>'subject', occurred_at > now() - interval '1 minute'
                from audit_event where action = 'LOGIN_SUCCEEDED' and actor = ?
                """)
                .param(officer.username())
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)})
                .single();
        assertThat(row).containsExactly(officer.username(), "127.0.0.1", officer.subject(), true);
    }

    @Test
    void anAccountWithoutAnyGovchatRoleCannotSignInAndTheFailureIsAudited() {
        var browser = browser();
        var nobody = withRoles("no-role-" + UUID.randomUUID().toString().substring(0, 8), "offline_access");
        var signIn = MockSignInProvider.signIn(browser, nobody);
        assertThat(signIn.landing()).endsWith("/staff/sign-in-error");
        assertThat(browser.get("/api/v1/staff/me").status()).isEqualTo(401);
        assertThat(browser.get("/staff/sign-in-error").status())
                .as("the error page itself needs no sign-in")
                .isNotEqualTo(302);
        var reason = jdbc.sql("select details->>'reason' from audit_event where action = 'LOGIN_FAILED' and actor = ?")
                .param(nobody.username())
                .query(String.class)
                .single();
        assertThat(reason).isEqualTo("access_denied");
    }

    @Test
    void aForgedSignInCallbackIsRefusedAndAudited() {
        var before = jdbc.sql("select count(*) from audit_event where action = 'LOGIN_FAILED' and actor = 'anonymous'")
                .query(Long.class)
                .single();
        var reply = browser().get("/login/oauth2/code/sso?code=stolen&state=made-up");
        assertThat(reply.status()).isEqualTo(302);
        assertThat(reply.header("Location")).endsWith("/staff/sign-in-error");
        var after = jdbc.sql("select count(*) from audit_event where action = 'LOGIN_FAILED' and actor = 'anonymous'")
                .query(Long.class)
                .single();
        assertThat(after).isEqualTo(before + 1);
    }

    @Test
    void logoutEndsTheSessionHereAndAtTheProvider() {
        var officer =
                withGroups("leaving-" + UUID.randomUUID().toString().substring(0, 8), "/departments/housing/staff");
        var browser = signedIn(officer);
        assertThat(browser.get("/api/v1/staff/me").status()).isEqualTo(200);

        var logout = browser.post("/logout", Map.of());
        assertThat(logout.status()).isEqualTo(302);
        assertThat(logout.header("Location"))
                .startsWith(MockSignInProvider.server()
                        .endSessionEndpointUrl(MockSignInProvider.ISSUER_ID)
                        .toString())
                .contains("id_token_hint=", "post_logout_redirect_uri=http://127.0.0.1:" + port + "/");

        assertThat(browser.get("/api/v1/staff/me").status()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?")
                        .param(officer.username())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'LOGOUT' and actor = ?")
                        .param(officer.username())
                        .query(Long.class)
                        .single())
                .isOne();
    }

    @Test
    void platformAdminPagesThroughTheAuditTrailNewestFirst() {
        for (int i = 0; i < 3; i++) {
            jdbc.sql("insert into audit_event (actor, action, department_id) values ('paging-test', ?, 'housing')")
                    .param("PAGING_" + i)
                    .update();
        }
        var admin = signedIn(PLATFORM_ADMIN);
        var first = admin.get("/api/v1/admin/audit?limit=2").json();
        assertThat(first.get("hasMore").asBoolean()).isTrue();
        var newest = first.get("events").get(0);
        var second = first.get("events").get(1);
        assertThat(newest.get("actor").asString())
                .as("the admin's own sign-in is the newest")
                .isEqualTo("operator");
        assertThat(newest.get("action").asString()).isEqualTo("LOGIN_SUCCEEDED");
        assertThat(newest.get("sourceIp").asString()).isEqualTo("127.0.0.1");
        assertThat(newest.get("details").get("roles").toString()).isEqualTo("[\"PLATFORM_ADMIN\"]");
        assertThat(second.get("action").asString()).isEqualTo("PAGING_2");
        assertThat(newest.get("id").asLong()).isGreaterThan(second.get("id").asLong());

        var next = admin.get(
                        "/api/v1/admin/audit?limit=2&before=" + second.get("id").asLong())
                .json();
        assertThat(next.get("events").get(0).get("action").asString()).isEqualTo("PAGING_1");
        assertThat(next.get("events").get(1).get("action").asString()).isEqualTo("PAGING_0");
    }

    private static java.util.List<String> ids(tools.jackson.databind.JsonNode array) {
        var ids = new ArrayList<String>();
        array.forEach(node -> ids.add(node.get("id").asString()));
        return ids;
    }
}
