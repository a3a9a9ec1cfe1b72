package org.govchat.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.govchat.support.CitizenClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Limits on questions and new conversations, behind a trusted proxy: with
 * {@code server.forward-headers-strategy=native} the container takes the client address from
 * {@code X-Forwarded-For} sent by a trusted proxy (loopback here), so each test can play its own client.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.forward-headers-strategy=native",
            "govchat.identity.rate-limits.enabled=true",
            "govchat.identity.rate-limits.questions-per-citizen.capacity=3",
            "govchat.identity.rate-limits.questions-per-address.capacity=6",
            "govchat.identity.rate-limits.conversations-per-address.capacity=4"
        })
class RateLimitTests {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(10);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** A browser at its own client address, behind the (trusted, loopback) proxy. */
    CitizenClient citizenAt(String address) {
        var citizen = new CitizenClient(port).header("X-Forwarded-For", address);
        citizen.get("/api/v1/conversations"); // receives its anonymous identity
        return citizen;
    }

    static String freshAddress() {
        return "203.0.113." + ADDRESSES.getAndIncrement();
    }

    static CitizenClient.Reply ask(CitizenClient citizen) {
        // the limit applies before anything else: the conversation need not even exist
        return citizen.post("/api/v1/conversations/" + UUID.randomUUID() + "/messages", Map.of("content", "hello"));
    }

    /** The 429 problem, with a {@code Retry-After} that the translated detail (zh-HK) repeats. */
    static void assertRefusedInCantonese(CitizenClient.Reply refused) {
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        var retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1, 60);
        assertThat(refused.json().get("type").asString()).isEqualTo("/problems/too-many-requests");
        assertThat(refused.json().get("detail").asString()).isEqualTo("你發送請求的速度太快，請等候 " + retryAfter + " 秒後再試。");
    }

    @Test
    void questionsPerCitizenAreLimitedWith429RetryAfterAndATranslatedDetail() {
        var address = freshAddress();
        var citizen = citizenAt(address).language("zh-HK");
        for (int i = 0; i < 3; i++) {
            assertThat(ask(citizen).status()).isNotEqualTo(429);
        }
        assertRefusedInCantonese(ask(citizen));

        assertThat(ask(citizenAt(address)).status())
                .as("another citizen at the same address still has questions left")
                .isNotEqualTo(429);
    }

    @Test
    void questionsPerClientAddressAreLimitedWhateverTheCookie() {
        var address = freshAddress();
        for (int i = 0; i < 6; i++) {
            assertThat(ask(citizenAt(address)).status()).isNotEqualTo(429);
        }
        var refused = ask(citizenAt(address));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(ask(citizenAt(freshAddress())).status())
                .as("another address is not affected")
                .isNotEqualTo(429);
    }

    @Test
    void conversationsStartedPerClientAddressAreLimited() {
        var citizen = citizenAt(freshAddress()).language("en");
        for (int i = 0; i < 4; i++) {
            assertThat(citizen.post("/api/v1/conversations", Map.of("departmentId", "housing"))
                            .status())
                    .isEqualTo(201);
        }
        var refused = citizen.post("/api/v1/conversations", Map.of("departmentId", "housing"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("detail").asString())
                .startsWith("You are sending requests too quickly. Please wait ");
        assertThat(citizen.get("/api/v1/conversations").json().size())
                .as("the refused request created nothing")
                .isEqualTo(4);
    }

    @Test
    void bucketsAreSharedThroughPostgresqlAndHoldNoRawAddress() {
        var address = freshAddress();
        ask(citizenAt(address));
        var ids =
                jdbc.sql("select id from rate_limit_bucket").query(String.class).list();
        assertThat(ids)
                .isNotEmpty()
                .allSatisfy(id -> assertThat(id).matches("[0-9a-f]{64}").doesNotContain(address));
    }

    @Test
    void overTlsCookiesAreSecureAndHstsIsSent() {
        var overTls = new CitizenClient(port).header("X-Forwarded-Proto", "https");
        var reply = overTls.get("/api/v1/conversations");
        assertThat(reply.header("Strict-Transport-Security")).isEqualTo("max-age=31536000 ; includeSubDomains");
        // over TLS the citizen's cookies also work inside a department site's iframe (see CrossSiteCookies)
        assertThat(reply.setCookie("govchat_citizen")).contains("Secure", "HttpOnly", "SameSite=None", "Partitioned");
        assertThat(reply.setCookie("XSRF-TOKEN"))
                .contains("Secure", "SameSite=None", "Partitioned")
                .doesNotContain("HttpOnly");
        assertThat(new CitizenClient(port).get("/api/v1/departments").header("Strict-Transport-Security"))
                .as("not over plain HTTP")
                .isNull();
    }
}
