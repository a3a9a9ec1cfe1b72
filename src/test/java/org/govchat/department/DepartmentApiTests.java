package org.govchat.department;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class DepartmentApiTests {

    @Autowired
    RestTestClient http;

    @Test
    void listsTheFourDemoDepartmentsWithNamesInAllThreeLanguages() {
        http.get()
                .uri("/api/v1/departments")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(4)
                .jsonPath("$[*].id")
                .value(
                        Object.class,
                        ids -> assertThat((Iterable<Object>) ids)
                                .containsExactlyInAnyOrder("immigration", "transport", "housing", "inland-revenue"))
                .jsonPath("$[?(@.id == 'immigration')].names.en")
                .isEqualTo("Immigration Department")
                .jsonPath("$[?(@.id == 'immigration')].names.zh-Hant")
                .isEqualTo("入境事務處")
                .jsonPath("$[?(@.id == 'immigration')].names.zh-Hans")
                .isEqualTo("入境事务处")
                .jsonPath("$[?(@.id == 'inland-revenue')].names.zh-Hans")
                .isEqualTo("税务局")
                .jsonPath("$[?(@.id == 'transport')].greeting.zh-Hant")
                .value(Object.class, greeting -> assertThat(greeting.toString()).contains("駕駛執照"))
                // no model weights in tests: every department's only backend (in-process) is down
                .jsonPath("$[*].available")
                .value(
                        Object.class,
                        flags -> assertThat((Iterable<Object>) flags).containsOnly(false))
                .jsonPath("$[*].unavailableReason")
                .value(
                        Object.class,
                        reasons -> assertThat((Iterable<Object>) reasons).containsOnly("backend-down"))
                .jsonPath("$[?(@.id == 'transport')].retentionDays")
                .value(Object.class, days -> assertThat(days.toString()).contains("90"));
    }

    @Test
    void everyDepartmentHasANonBlankNameAndGreetingInEachLanguage() {
        var departments = http.get()
                .uri("/api/v1/departments")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(DepartmentController.DepartmentDto[].class)
                .returnResult()
                .getResponseBody();
        assertThat(departments).hasSize(4).allSatisfy(d -> {
            assertThat(d.names().en()).isNotBlank();
            assertThat(d.names().zhHant()).isNotBlank().isNotEqualTo(d.names().en());
            assertThat(d.names().zhHans()).isNotBlank();
            assertThat(d.greeting().en()).isNotBlank();
            assertThat(d.greeting().zhHant()).isNotBlank();
            assertThat(d.greeting().zhHans()).isNotBlank();
        });
    }

    @Test
    void unknownDepartmentIsA404ProblemInTheCallersLanguage() {
        http.get()
                .uri("/api/v1/departments/parks")
                .header("Accept-Language", "zh-HK,zh;q=0.9,en;q=0.8")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/department-not-found")
                .jsonPath("$.status")
                .isEqualTo(404)
                .jsonPath("$.detail")
                .isEqualTo("沒有名為「parks」的部門。");
    }

    @Test
    void simplifiedChineseCallerGetsASimplifiedDetail() {
        http.get()
                .uri("/api/v1/departments/parks")
                .header("Accept-Language", "zh-CN")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.NOT_FOUND)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("没有名为“parks”的部门。");
    }
}
