package org.govchat.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Docker cannot run here, so the compose stack is checked by reading it: its services, ports and the
 * environment the app is given must agree with each other and with what the application reads.
 */
class ComposeStackTests {

    private static Map<String, Map<String, Object>> services;
    private static Map<String, String> appEnvironment;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readCompose() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(in);
            services = (Map<String, Map<String, Object>>) compose.get("services");
        }
        appEnvironment = new HashMap<>();
        ((Map<String, Object>) services.get("app").get("environment"))
                .forEach((key, value) -> appEnvironment.put(key, String.valueOf(value)));
    }

    @Test
    void hasTheFourServicesOfTheProductionLikeStack() {
        assertThat(services).containsKeys("postgres", "ollama", "keycloak", "app");
        assertThat(image("postgres")).startsWith("pgvector/pgvector:pg");
        assertThat(image("ollama")).startsWith("ollama/ollama");
        assertThat(image("keycloak")).startsWith("keycloak/keycloak:");
        assertThat(services.get("app")).containsKey("build");
        assertThat(Path.of("Dockerfile")).exists();
    }

    @Test
    void everyLongRunningServiceHasAHealthCheckAndTheAppWaitsForThem() {
        for (var name : List.of("postgres", "ollama", "keycloak", "app")) {
            assertThat(services.get(name)).as(name + " healthcheck").containsKey("healthcheck");
        }
        @SuppressWarnings("unchecked")
        var dependsOn = (Map<String, Map<String, String>>) services.get("app").get("depends_on");
        assertThat(dependsOn.get("postgres")).containsEntry("condition", "service_healthy");
        assertThat(dependsOn.get("ollama")).containsEntry("condition", "service_healthy");
        assertThat(dependsOn.get("keycloak")).containsEntry("condition", "service_healthy");
        assertThat(dependsOn.get("ollama-pull")).containsEntry("condition", "service_completed_successfully");
    }

    @Test
    void theAppTalksToThePostgresServiceWithItsCredentials() {
        var url = URI.create(appEnvironment.get("SPRING_DATASOURCE_URL").substring("jdbc:".length()));
        assertThat(url.getScheme()).isEqualTo("postgresql");
        assertThat(url.getHost()).isEqualTo("postgres");
        assertThat(url.getPort()).isEqualTo(5432);
        var postgres = environment("postgres");
        assertThat(url.getPath()).isEqualTo("/" + postgres.get("POSTGRES_DB"));
        assertThat(appEnvironment.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(postgres.get("POSTGRES_USER"));
        assertThat(resolveDefault(appEnvironment.get("SPRING_DATASOURCE_PASSWORD")))
                .isEqualTo(postgres.get("POSTGRES_PASSWORD"));
    }

    @Test
    void theDefaultBackendIsTheOllamaServiceWithThePulledModelAndItsHostIsAllowed() {
        var baseUrl = URI.create(appEnvironment.get("GOVCHAT_BACKENDS_DEFAULT_BASEURL"));
        assertThat(appEnvironment.get("GOVCHAT_BACKENDS_DEFAULT_TYPE")).isEqualTo("ollama");
        assertThat(baseUrl.getHost()).isEqualTo("ollama");
        assertThat(baseUrl.getPort()).isEqualTo(11434);
        @SuppressWarnings("unchecked")
        var pull = (List<String>) services.get("ollama-pull").get("entrypoint");
        assertThat(pull)
                .containsSequence("ollama", "pull", appEnvironment.get("GOVCHAT_BACKENDS_DEFAULT_DEFAULTMODEL"));
        assertThat(List.of(
                        appEnvironment.get("GOVCHAT_SOVEREIGNTY_ALLOWEDHOSTS").split(",")))
                .contains(baseUrl.getHost());
    }

    @Test
    @SuppressWarnings("unchecked")
    void keycloakImportsTheRealmFileKeptInTheRepository() throws IOException {
        @SuppressWarnings("unchecked")
        var volumes = (List<String>) services.get("keycloak").get("volumes");
        var realmMount = volumes.stream()
                .filter(v -> v.contains("/opt/keycloak/data/import/"))
                .findFirst()
                .orElseThrow();
        var parts = realmMount.split(":");
        var source = Path.of(parts[0]);
        assertThat(source).exists();
        var realm = JsonMapper.builder().build().readTree(Files.readString(source));
        assertThat(parts[1]).endsWith("/" + realm.get("realm").asString() + "-realm.json");
        assertThat((List<Object>) services.get("keycloak").get("command")).contains("--import-realm");
    }

    @Test
    void theAppSignsOfficersInAtTheKeycloakRealmWithTheRealmsClient() throws IOException {
        var realm = JsonMapper.builder()
                .build()
                .readTree(Files.readString(Path.of("src/main/keycloak/govchat-realm.json")));
        var realmPath = "/realms/" + realm.get("realm").asString();
        var keycloak = services.get("keycloak");
        @SuppressWarnings("unchecked")
        var ports = (List<String>) keycloak.get("ports");
        var publishedPort = Integer.parseInt(ports.getFirst().split(":")[0]);

        var issuer = URI.create(appEnvironment.get("GOVCHAT_IDENTITY_OIDC_ISSUERURI"));
        assertThat(issuer.getHost())
                .as("browsers reach Keycloak on the published port")
                .isEqualTo("localhost");
        assertThat(issuer.getPort()).isEqualTo(publishedPort);
        assertThat(issuer.getPath()).isEqualTo(realmPath);
        assertThat(environment("keycloak").get("KC_HOSTNAME"))
                .as("Keycloak names the same issuer in its tokens")
                .isEqualTo(issuer.getScheme() + "://" + issuer.getAuthority());

        var backchannel = URI.create(appEnvironment.get("GOVCHAT_IDENTITY_OIDC_BACKCHANNELURI"));
        assertThat(backchannel.getHost())
                .as("the app reaches Keycloak by its service name")
                .isEqualTo("keycloak");
        @SuppressWarnings("unchecked")
        var command = (List<String>) keycloak.get("command");
        assertThat(command).contains("--http-port=" + backchannel.getPort());
        assertThat(backchannel.getPath()).isEqualTo(realmPath);

        var client = realm.get("clients").get(0);
        assertThat(appEnvironment.get("GOVCHAT_IDENTITY_OIDC_CLIENTID"))
                .isEqualTo(client.get("clientId").asString());
        assertThat(resolveDefault(appEnvironment.get("GOVCHAT_IDENTITY_OIDC_CLIENTSECRET")))
                .isEqualTo(client.get("secret").asString());
        var appPort = ((List<?>) services.get("app").get("ports"))
                .getFirst()
                .toString()
                .split(":")[0];
        assertThat(client.get("redirectUris").get(0).asString())
                .as("the realm accepts the app's sign-in callback")
                .isEqualTo("http://localhost:" + appPort + "/*");
    }

    @Test
    void everyVariableGivenToTheAppIsOneTheAppReads() throws IOException {
        var known = knownProperties();
        for (var variable : appEnvironment.keySet()) {
            assertThat(isKnown(variable, known))
                    .as("%s maps to a configuration property of the app", variable)
                    .isTrue();
        }
    }

    private static boolean isKnown(String variable, List<String> knownProperties) {
        var normalized = variable.toLowerCase(Locale.ROOT).replace("_", "");
        for (var property : knownProperties) {
            var candidate = property.replace("-", "").replace(".", "").replace("[*]", "");
            if (normalized.equals(candidate)) {
                return true;
            }
            // map-valued properties: govchat.backends.<id>.base-url
            if (property.startsWith("govchat.backends.") && normalized.startsWith("govchatbackends")) {
                var field = property.substring("govchat.backends.".length()).replace("-", "");
                if (normalized.endsWith(field) && normalized.length() > "govchatbackends".length() + field.length()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Property names from every configuration metadata file on the class path (ours and Spring Boot's). */
    private static List<String> knownProperties() throws IOException {
        var json = JsonMapper.builder().build();
        var names = new ArrayList<String>();
        Resource[] files = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:META-INF/spring-configuration-metadata.json");
        for (var file : files) {
            try (var in = file.getInputStream()) {
                JsonNode properties = json.readTree(in).path("properties");
                properties.forEach(p -> names.add(p.get("name").asString()));
            }
        }
        names.addAll(backendFields());
        return Collections.unmodifiableList(names);
    }

    /** Fields of one backend entry, read from the configuration record itself. */
    private static List<String> backendFields() {
        var fields = new ArrayList<String>();
        for (var component : org.govchat.model.ModelProperties.Backend.class.getRecordComponents()) {
            fields.add("govchat.backends."
                    + component.getName().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT));
        }
        return fields;
    }

    private static String image(String service) {
        return String.valueOf(services.get(service).get("image"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(String service) {
        var result = new HashMap<String, String>();
        ((Map<String, Object>) services.get(service).get("environment"))
                .forEach((key, value) -> result.put(key, resolveDefault(String.valueOf(value))));
        return result;
    }

    /** Compose's {@code ${VAR:-default}} as it is without the variable set. */
    private static String resolveDefault(String value) {
        return value.replaceAll("\\$\\{[A-Z_]+:-([^}]*)}", "$1");
    }
}
