package org.govchat.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govchat.support.LiveEvents.named;
import static org.govchat.support.MockSignInProvider.TestOfficer.withGroups;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.govchat.department.DepartmentCatalog;
import org.govchat.model.fake.FakeScript;
import org.govchat.support.CitizenClient;
import org.govchat.support.FakeModelBackend;
import org.govchat.support.LiveEvents;
import org.govchat.support.MockSignInProvider;
import org.govchat.support.MockSignInProvider.TestOfficer;
import org.govchat.support.StaffIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Supervised mode: in a department that holds its assistant's answers, the citizen hears that the answer
 * is being checked and receives it only once an officer approves it, as written or edited.
 */
@StaffIntegrationTest
class SupervisedAnswerTests {

    static final TestOfficer TRANSPORT_OFFICER = withGroups("tra-supervisor", "/departments/transport/staff");
    static final TestOfficer TRANSPORT_COLLEAGUE = withGroups("tra-supervisor-2", "/departments/transport/staff");
    static final TestOfficer HOUSING_OFFICER = withGroups("hou-supervisor", "/departments/housing/staff");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void superviseTransport() {
        jdbc.sql("update department set supervised_answers = true where id = 'transport'")
                .update();
    }

    @AfterEach
    void stopSupervising() {
        jdbc.sql("update department set supervised_answers = false where id = 'transport'")
                .update();
    }

    static JsonNode pending(JsonNode inbox, String messageId) {
        for (var answer : inbox.get("answersToReview")) {
            if (answer.get("messageId").asString().equals(messageId)) {
                return answer;
            }
        }
        return null;
    }

    @Test
    void aHeldAnswerReachesTheCitizenOnlyWithTheOfficersEditsAndTheDraftIsKept() {
        FakeModelBackend.server().enqueue(FakeScript.answer("The", " fee", " is", " $999."));
        var citizen = new CitizenClient(port);
        var conversation = citizen.startConversation("transport");
        var officer = MockSignInProvider.signedIn(port, TRANSPORT_OFFICER);
        try (var inbox = LiveEvents.of(officer.follow("/api/v1/staff/inbox/events", null));
                var answer = LiveEvents.of(citizen.ask(conversation, "How much is a driving licence renewal?"))) {
            inbox.next(named("inbox"));
            var start = answer.next(named("start"));
            var answerId = start.text("assistantMessageId");
            answer.next(named("held"));

            var listed = inbox.next(e -> e.name().equals("inbox") && pending(e.data(), answerId) != null);
            var draft = pending(listed.data(), answerId);
            assertThat(draft.get("draft").asString()).isEqualTo("The fee is $999.");
            assertThat(draft.get("question").asString()).isEqualTo("How much is a driving licence renewal?");
            assertThat(draft.get("conversationId").asString()).isEqualTo(conversation);

            var page = citizen.get("/api/v1/conversations/" + conversation + "/messages")
                    .json();
            var held = page.get("messages").get(1);
            assertThat(held.get("status").asString())
                    .as("still being prepared, as the citizen sees it")
                    .isEqualTo("STREAMING");
            assertThat(held.get("content").asString()).isEmpty();
            var again =
                    citizen.post("/api/v1/conversations/" + conversation + "/messages", Map.of("content", "Hello?"));
            assertThat(again.status()).isEqualTo(409);

            var approved = officer.post(
                    "/api/v1/staff/answers/" + answerId + "/approve", Map.of("content", "The fee is $504."));
            assertThat(approved.status()).as(approved.body()).isEqualTo(200);
            assertThat(approved.json().get("reviewState").asString()).isEqualTo("EDITED");

            var delta = answer.next(named("delta"));
            assertThat(delta.text("text")).isEqualTo("The fee is $504.");
            var done = answer.next(named("done"));
            assertThat(done.text("status")).isEqualTo("COMPLETE");
            assertThat(answer.seen())
                    .extracting(CitizenClient.Event::name)
                    .as("not a word of the draft reached the citizen")
                    .containsExactly("start", "held", "delta", "done");

            var row = jdbc.sql("select content, draft_content, review_state, reviewed_by from message where id = ?")
                    .param(UUID.fromString(answerId))
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)})
                    .single();
            assertThat(row).containsExactly("The fee is $504.", "The fee is $999.", "EDITED", "Officer tra-supervisor");
            assertThat(jdbc.sql("select count(*) from audit_event where action = 'ANSWER_EDITED' and target_id = ?")
                            .param(conversation)
                            .query(Long.class)
                            .single())
                    .isOne();

            var late = MockSignInProvider.signedIn(port, TRANSPORT_COLLEAGUE)
                    .post("/api/v1/staff/answers/" + answerId + "/approve", Map.of());
            assertThat(late.status()).isEqualTo(409);
            assertThat(late.json().get("type").asString()).isEqualTo("/problems/answer-already-reviewed");
        }
    }

    @Test
    void aCitizenWhoReconnectsToAHeldAnswerGetsItOnceApprovedAsWritten() {
        FakeModelBackend.server().enqueue(FakeScript.answer("Renew", " online."));
        var citizen = new CitizenClient(port);
        var conversation = citizen.startConversation("transport");
        String answerId;
        try (var answer = LiveEvents.of(citizen.ask(conversation, "Can I renew online?"))) {
            answerId = answer.next(named("start")).text("assistantMessageId");
            answer.next(named("held"));
        }
        var officer = MockSignInProvider.signedIn(port, TRANSPORT_OFFICER);
        var foreign = MockSignInProvider.signedIn(port, HOUSING_OFFICER)
                .post("/api/v1/staff/answers/" + answerId + "/approve", Map.of());
        assertThat(foreign.status()).as("another department's officer").isEqualTo(404);

        try (var resumed = LiveEvents.of(citizen.resume(conversation, answerId, "0"))) {
            resumed.next(named("held"));
            assertThat(officer.post("/api/v1/staff/answers/" + answerId + "/approve", Map.of())
                            .status())
                    .isEqualTo(200);
            assertThat(resumed.await(named("delta"), Duration.ofSeconds(5))
                            .event()
                            .text("text"))
                    .isEqualTo("Renew online.");
            assertThat(resumed.next(named("done")).text("status")).isEqualTo("COMPLETE");
        }
        assertThat(jdbc.sql("select review_state || ' ' || coalesce(draft_content, '-') from message where id = ?")
                        .param(UUID.fromString(answerId))
                        .query(String.class)
                        .single())
                .isEqualTo("APPROVED -");
    }

    @Test
    void departmentsWithoutSupervisionStreamAsUsual(@Autowired DepartmentCatalog catalog) {
        var citizen = new CitizenClient(port);
        var conversation = citizen.startConversation("immigration");
        try (var answer = citizen.ask(conversation, "Hello")) {
            assertThat(answer.drain()).extracting(CitizenClient.Event::name).doesNotContain("held");
            assertThat(answer.text()).isEqualTo("Hello from the fake model.");
        }
        assertThat(catalog.get("immigration").available()).isTrue();
    }
}
