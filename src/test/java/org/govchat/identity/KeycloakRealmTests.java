package org.govchat.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The realm in the repository, the demo departments and the README's table of demo users agree. */
class KeycloakRealmTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static JsonNode realm;
    private static List<String> departments;

    @BeforeAll
    static void read() throws IOException {
        realm = JSON.readTree(Files.readString(Path.of("src/main/keycloak/govchat-realm.json")));
        departments = new ArrayList<>();
        JSON.readTree(Files.readString(Path.of("src/main/resources/department/demo-departments.json")))
                .forEach(d -> departments.add(d.get("id").asString()));
    }

    @Test
    void definesTheThreeRolesAndAnAdminsAndStaffGroupPerDemoDepartment() {
        var roles = new ArrayList<String>();
        realm.get("roles").get("realm").forEach(r -> roles.add(r.get("name").asString()));
        assertThat(roles).containsExactlyInAnyOrder("PLATFORM_ADMIN", "DEPT_ADMIN", "STAFF");
        var groups = groupPaths();
        for (var department : departments) {
            assertThat(groups).containsEntry("/departments/" + department + "/admins", "DEPT_ADMIN");
            assertThat(groups).containsEntry("/departments/" + department + "/staff", "STAFF");
        }
        assertThat(groups).containsEntry("/platform-admins", "PLATFORM_ADMIN");
    }

    @Test
    void everyDemoUserCanSignInAndHasAnAdminOrOfficerForEachDepartment() {
        var users = users();
        for (var user : realm.get("users")) {
            var name = user.get("username").asString();
            assertThat(user.path("email").asString()).as(name + " e-mail").isNotBlank();
            assertThat(user.path("firstName").asString())
                    .as(name + " first name")
                    .isNotBlank();
            assertThat(user.path("lastName").asString()).as(name + " last name").isNotBlank();
            assertThat(user.get("credentials").get(0).get("temporary").asBoolean())
                    .isFalse();
        }
        assertThat(users).containsEntry("platform-admin", "/platform-admins");
        for (var department : departments) {
            assertThat(users).containsEntry(department + "-admin", "/departments/" + department + "/admins");
            assertThat(users).containsEntry(department + "-officer", "/departments/" + department + "/staff");
        }
    }

    @Test
    void theReadmeListsTheDemoUsersAsTheRealmDefinesThem() throws IOException {
        var readme = Files.readString(Path.of("README.md"));
        for (var user : users().keySet()) {
            assertThat(readme).contains("`" + user + "`");
        }
        assertThat(readme).contains("`demo-password`");
        assertThat(realm.get("users")
                        .get(0)
                        .get("credentials")
                        .get(0)
                        .get("value")
                        .asString())
                .isEqualTo("demo-password");
    }

    @Test
    void theClientSendsGroupsWithFullPathsAndRolesAndRequiresPkce() {
        var client = realm.get("clients").get(0);
        assertThat(client.get("attributes").get("pkce.code.challenge.method").asString())
                .isEqualTo("S256");
        var mappers = new HashMap<String, JsonNode>();
        client.get("protocolMappers")
                .forEach(m -> mappers.put(m.get("config").get("claim.name").asString(), m));
        assertThat(mappers.get("groups").get("config").get("full.path").asString())
                .isEqualTo("true");
        assertThat(mappers.get("roles").get("config").get("multivalued").asString())
                .isEqualTo("true");
    }

    private static Map<String, String> groupPaths() {
        var paths = new HashMap<String, String>();
        realm.get("groups").forEach(group -> collect(group, "", paths));
        return paths;
    }

    private static void collect(JsonNode group, String parent, Map<String, String> paths) {
        var path = parent + "/" + group.get("name").asString();
        var roles = group.path("realmRoles");
        paths.put(path, roles.isEmpty() ? "" : roles.get(0).asString());
        group.path("subGroups").forEach(sub -> collect(sub, path, paths));
    }

    private static Map<String, String> users() {
        var users = new HashMap<String, String>();
        realm.get("users")
                .forEach(u -> users.put(
                        u.get("username").asString(), u.get("groups").get(0).asString()));
        return users;
    }
}
