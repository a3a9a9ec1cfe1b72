package org.govchat.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govchat.support.MockSignInProvider.TestOfficer.withGroups;

import java.util.Map;
import java.util.UUID;
import org.govchat.support.CitizenClient;
import org.govchat.support.MockSignInProvider;
import org.govchat.support.MockSignInProvider.TestOfficer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * A signed-in officer's questions to a model (the staff portal's assistant, the admin console's playground)
 * count against one limit per officer, so that no one account can crowd citizens out of the backends.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "govchat.identity.rate-limits.enabled=true",
            "govchat.identity.rate-limits.questions-per-officer.capacity=3"
        })
@Import(MockSignInProvider.class)
class OfficerRateLimitTests {

    static final TestOfficer ADMIN = withGroups("busy-admin", "/departments/immigration/admins");
    static final TestOfficer COLLEAGUE = withGroups("colleague-admin", "/departments/immigration/admins");

    @LocalServerPort
    int port;

    static CitizenClient.Reply askAssistant(CitizenClient officer) {
        // the limit applies before anything else: the conversation need not even exist (404 otherwise)
        return officer.post(
                "/api/v1/staff/assistant/conversations/" + UUID.randomUUID() + "/messages",
                Map.of("content", "How do I renew a passport?"));
    }

    static CitizenClient.Reply tryDraft(CitizenClient officer) {
        // an empty draft is refused as invalid (400) once the limit lets the request through
        return officer.post(
                "/api/v1/admin/departments/immigration/playground",
                Map.of("profile", Map.of(), "question", "How do I renew a passport?"));
    }

    @Test
    void theStaffAssistantAndThePlaygroundShareOneLimitPerOfficer() {
        var admin = MockSignInProvider.signedIn(port, ADMIN).language("zh-HK");
        assertThat(askAssistant(admin).status()).isEqualTo(404);
        assertThat(tryDraft(admin).status()).isEqualTo(400);
        assertThat(askAssistant(admin).status()).isEqualTo(404);

        RateLimitTests.assertRefusedInCantonese(tryDraft(admin));
        assertThat(askAssistant(admin).status()).isEqualTo(429);

        var colleague = MockSignInProvider.signedIn(port, COLLEAGUE);
        assertThat(askAssistant(colleague).status())
                .as("another officer (at the same address) has questions of their own")
                .isEqualTo(404);
        assertThat(tryDraft(colleague).status()).isEqualTo(400);
    }
}
