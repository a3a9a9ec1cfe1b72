package org.govchat.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.JsonPathAssertions;
import org.springframework.test.web.servlet.client.RestTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class LanguageApiTests {

    @Autowired
    RestTestClient http;

    private RestTestClient.ResponseSpec detect(Object body, String acceptLanguage) {
        return http.post()
                .uri("/api/v1/language/detect")
                .contentType(MediaType.APPLICATION_JSON)
                .header("Accept-Language", acceptLanguage)
                .body(body)
                .exchange();
    }

    @Test
    void detectsCodeSwitchedCantonese() {
        detect(Map.of("text", "我想renew我嘅passport"), "en")
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.language")
                .isEqualTo("yue-Hant")
                .jsonPath("$.confidence")
                .value(Double.class, confidence -> assertThat(confidence).isBetween(0.5, 1.0));
    }

    @Test
    void answersWithTheTagOfEachVariety() {
        assertThat(languageOf("How do I renew my passport?")).isEqualTo("en");
        assertThat(languageOf("請問如何申請續領護照？")).isEqualTo("zh-Hant");
        assertThat(languageOf("请问护照过期了怎么换发新的？")).isEqualTo("zh-Hans");
        assertThat(languageOf("👍")).isEqualTo("en");
    }

    @Test
    void acceptsTextOfExactly4000Characters() {
        detect(Map.of("text", "我".repeat(4_000)), "en").expectStatus().isOk();
    }

    @Test
    void textLongerThan4000CharactersIsA400Problem() {
        expectInvalidText(detect(Map.of("text", "我".repeat(4_001)), "en"))
                .isEqualTo("The text is too long: it can have at most 4,000 characters.");
    }

    @Test
    void blankTextIsA400ProblemInTheCallersLanguage() {
        expectInvalidText(detect(Map.of("text", "  \n "), "zh-HK")).isEqualTo("請輸入要辨識語言的文字。");
    }

    @Test
    void missingTextIsA400ProblemInSimplifiedChinese() {
        expectInvalidText(detect(Map.of(), "zh-CN")).isEqualTo("请输入要识别语言的文字。");
    }

    /** Asserts a 400 invalid-request problem about the field {@code text} and returns its message. */
    private static JsonPathAssertions expectInvalidText(RestTestClient.ResponseSpec response) {
        return response.expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/invalid-request")
                .jsonPath("$.errors[0].field")
                .isEqualTo("text")
                .jsonPath("$.errors[0].message");
    }

    @Test
    void aBodyThatIsNotJsonIsA400Problem() {
        http.post()
                .uri("/api/v1/language/detect")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"text\": ")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/malformed-request");
    }

    private String languageOf(String text) {
        return detect(Map.of("text", text), "en")
                .expectStatus()
                .isOk()
                .expectBody(LanguageController.LanguageDetectResponse.class)
                .returnResult()
                .getResponseBody()
                .language()
                .tag();
    }
}
