package org.govchat.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.govchat.support.CitizenClient;
import org.govchat.support.IdentityIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** CSRF for cookie-authenticated state changes, security headers, and no cross-origin access. */
@IdentityIntegrationTest
class BrowserProtectionTests {

    @LocalServerPort
    int port;

    @Test
    void everyResponseCarriesAnXsrfTokenCookieTheWebAppCanRead() {
        var reply = new CitizenClient(port).get("/api/v1/departments");
        assertThat(reply.setCookie("XSRF-TOKEN")).isNotNull().contains("Path=/").doesNotContain("HttpOnly");
    }

    @Test
    void aCitizensPostWithoutTheCsrfTokenIsRefusedWithA403Problem() throws Exception {
        var citizen = new CitizenClient(port).language("zh-CN");
        var conversation = citizen.startConversation("housing"); // a citizen with cookies and a conversation
        var xsrf = citizen.cookie("XSRF-TOKEN");
        var identity = citizen.cookie("govchat_citizen");
        var http = HttpClient.newHttpClient();

        for (var request : new HttpRequest[] {
            post("/api/v1/conversations", "{\"departmentId\":\"housing\"}", identity, xsrf, null),
            post("/api/v1/conversations", "{\"departmentId\":\"housing\"}", identity, xsrf, "not-the-token"),
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/conversations/" + conversation))
                    .header("Cookie", "govchat_citizen=" + identity + "; XSRF-TOKEN=" + xsrf)
                    .header("Accept-Language", "zh-CN")
                    .DELETE()
                    .build()
        }) {
            var reply = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(reply.statusCode()).isEqualTo(403);
            assertThat(reply.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            var problem = CitizenClient.JSON.readTree(reply.body());
            assertThat(problem.get("type").asString()).isEqualTo("/problems/csrf-token-invalid");
            assertThat(problem.get("detail").asString()).isEqualTo("无法核实此请求，请重新加载页面后再试。");
        }
        assertThat(citizen.get("/api/v1/conversations/" + conversation).status())
                .as("the refused DELETE erased nothing")
                .isEqualTo(200);
        assertThat(citizen.post("/api/v1/conversations", Map.of("departmentId", "housing"))
                        .status())
                .as("with the token echoed in the header it goes through")
                .isEqualTo(201);
    }

    private HttpRequest post(String path, String json, String identity, String xsrf, String header) {
        var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header("Accept-Language", "zh-CN")
                .header("Cookie", "govchat_citizen=" + identity + "; XSRF-TOKEN=" + xsrf)
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (header != null) {
            builder.header("X-XSRF-TOKEN", header);
        }
        return builder.build();
    }

    @Test
    void pagesAndApiAnswersCarryTheSecurityHeaders() {
        var reply = new CitizenClient(port).get("/api/v1/departments");
        var csp = reply.header("Content-Security-Policy");
        assertThat(csp)
                .contains("default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline")
                .doesNotContain("unsafe-eval");
        assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(reply.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(reply.header("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(reply.header("Strict-Transport-Security"))
                .as("HSTS only behind TLS: this request came over plain HTTP")
                .isNull();
    }

    @Test
    void theBuiltWebAppNeedsNoInlineScriptSoTheStrictPolicyCanHold() throws Exception {
        var index = getClass().getResource("/static/index.html");
        org.junit.jupiter.api.Assumptions.assumeTrue(index != null, "the frontend was not built (-Dfrontend.skip)");
        var html = new String(index.openStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        var scripts = java.util.regex.Pattern.compile(
                        "<script\\b([^>]*)>(.*?)</script>", java.util.regex.Pattern.DOTALL)
                .matcher(html);
        var count = 0;
        while (scripts.find()) {
            count++;
            assertThat(scripts.group(1))
                    .as("every script is loaded from a file")
                    .contains("src=");
            assertThat(scripts.group(2)).as("and has no inline body").isBlank();
        }
        assertThat(count).isPositive();
        assertThat(html).doesNotContain(" onload=").doesNotContain(" onclick=").doesNotContain("<style");
    }

    @Test
    void onlyTheEmbedRouteMayBeFramedAndOnlyByTheConfiguredOrigins() {
        var embed = new CitizenClient(port).get("/embed/housing");
        assertThat(embed.header("Content-Security-Policy")).contains("frame-ancestors https://www.city.example");
        assertThat(embed.header("X-Frame-Options")).isNull();

        var page = new CitizenClient(port).get("/privacy");
        assertThat(page.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void noOtherOriginIsAllowedToCallTheApi() throws Exception {
        var http = HttpClient.newHttpClient();
        var preflight = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/conversations"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", "https://attacker.example")
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "content-type,x-xsrf-token")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .isEmpty();
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials"))
                .isEmpty();

        var read = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/departments"))
                        .header("Origin", "https://attacker.example")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
