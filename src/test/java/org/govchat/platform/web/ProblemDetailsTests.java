package org.govchat.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Whatever goes wrong, a client gets problem+json: never an HTML page or a stack trace. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class ProblemDetailsTests {

    @Autowired
    RestTestClient http;

    @LocalServerPort
    int port;

    @Test
    void unknownApiPathIsA404Problem() {
        var body = http.get()
                .uri("/api/v1/no-such-thing")
                .accept(MediaType.TEXT_HTML, MediaType.ALL)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(body).contains("\"type\":\"/problems/not-found\"").doesNotContain("<html");
    }

    @Test
    void unknownPagePathIsA404ProblemToo() {
        http.get()
                .uri("/wp-login.php")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/not-found");
    }

    @Test
    void wrongMethodIsA405ProblemNamingTheAllowedOnes() {
        // a state-changing method needs the CSRF token before it reaches the 405; a client without cookies
        // of its own gets a fresh one (the injected client keeps the cookies of earlier tests)
        var http = RestTestClient.bindToServer(new JdkClientHttpRequestFactory())
                .baseUrl("http://localhost:" + port)
                .build();
        var token = http.get()
                .uri("/api/v1/departments")
                .exchange()
                .returnResult(String.class)
                .getResponseCookies()
                .getFirst("XSRF-TOKEN")
                .getValue();
        http.delete()
                .uri("/api/v1/departments")
                .cookie("XSRF-TOKEN", token)
                .header("X-XSRF-TOKEN", token)
                .exchange()
                .expectStatus()
                .isEqualTo(405)
                .expectHeader()
                .valueEquals("Allow", "GET")
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/method-not-allowed")
                .jsonPath("$.detail")
                .isEqualTo("This address does not accept that method.");
    }
}
