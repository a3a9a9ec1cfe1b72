package org.govchat.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.govchat.support.CitizenClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Without a forward-headers strategy, a client cannot pick its own address with X-Forwarded-For. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "govchat.identity.rate-limits.enabled=true",
            "govchat.identity.rate-limits.conversations-per-address.capacity=2"
        })
class SpoofedClientAddressTests {

    @LocalServerPort
    int port;

    @Test
    void aMadeUpXForwardedForDoesNotEscapeTheLimit() {
        var statuses = new int[3];
        for (int i = 0; i < statuses.length; i++) {
            var citizen = new CitizenClient(port).header("X-Forwarded-For", "198.51.100." + i);
            statuses[i] = citizen.post("/api/v1/conversations", Map.of("departmentId", "housing"))
                    .status();
        }
        assertThat(statuses).containsExactly(201, 201, 429);
    }
}
