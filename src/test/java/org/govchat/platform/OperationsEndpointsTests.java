package org.govchat.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.client.RestTestClient;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "govchat.identity.metrics-token=" + OperationsEndpointsTests.SCRAPE_TOKEN)
@AutoConfigureRestTestClient
class OperationsEndpointsTests {

    static final String SCRAPE_TOKEN = "scrape-2c9f1e";

    @Autowired
    RestTestClient http;

    @Test
    void readinessIsUpAndIncludesTheDatabase() {
        http.get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP")
                .jsonPath("$.components.db.status")
                .isEqualTo("UP");
    }

    @Test
    void livenessIsUp() {
        http.get()
                .uri("/actuator/health/liveness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
    }

    @Test
    void prometheusScrapeExposesJvmAndHttpMetrics() {
        var scrape = http.get()
                .uri("/actuator/prometheus")
                .header("Authorization", "Bearer " + SCRAPE_TOKEN)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(scrape).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
    }

    @Test
    void metricsAreRefusedWithoutTheScrapeToken() {
        http.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentTypeCompatibleWith("application/problem+json");
        http.get()
                .uri("/actuator/prometheus")
                .header("Authorization", "Bearer not-" + SCRAPE_TOKEN)
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void openApiDescribesTheDepartmentsEndpoint() {
        http.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/departments'].get")
                .exists();
    }

    @Test
    void swaggerUiIsServed() {
        http.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
    }
}
