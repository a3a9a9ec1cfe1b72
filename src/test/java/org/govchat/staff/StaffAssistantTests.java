package org.govchat.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govchat.support.MockSignInProvider.TestOfficer.withGroups;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.govchat.model.fake.FakeScript;
import org.govchat.support.CitizenClient;
import org.govchat.support.FakeModelBackend;
import org.govchat.support.MockSignInProvider;
import org.govchat.support.MockSignInProvider.TestOfficer;
import org.govchat.support.StaffIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The internal assistant: officers chat with their department's assistant in their own conversations of the
 * staff channel, streamed and resumable like citizens' answers, and invisible to citizens and colleagues.
 */
@StaffIntegrationTest
class StaffAssistantTests {

    static final TestOfficer IMMIGRATION_OFFICER = withGroups("imm-assistant-user", "/departments/immigration/staff");
    static final TestOfficer IMMIGRATION_COLLEAGUE = withGroups("imm-assistant-peer", "/departments/immigration/staff");
    static final String CONVERSATIONS = "/api/v1/staff/assistant/conversations";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    String start(CitizenClient officer, String department) {
        var created = officer.post(CONVERSATIONS, Map.of("departmentId", department));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    @Test
    void anOfficerChatsWithTheirDepartmentsAssistantThroughTheSameStreamingPipeline() {
        var officer = MockSignInProvider.signedIn(port, IMMIGRATION_OFFICER);
        var conversation = start(officer, "immigration");
        FakeModelBackend.server().enqueue(FakeScript.answer("Draft:", " please", " bring", " your", " form."));
        try (var answer = officer.ask(conversation, "Draft a reply about a lost passport")) {
            assertThat(answer.status())
                    .as("the citizen path refuses a staff conversation")
                    .isEqualTo(404);
        }
        var stream = officerAsk(officer, conversation, "Draft a reply about a lost passport");
        var events = stream.drain();
        assertThat(events.getFirst().name()).isEqualTo("start");
        assertThat(events.getLast().name()).isEqualTo("done");
        assertThat(stream.text()).isEqualTo("Draft: please bring your form.");

        var prompt = FakeModelBackend.server().lastRequest();
        assertThat(prompt.systemPrompt()).contains("staff portal").doesNotContain("members of the public");
        assertThat(prompt.systemPrompt()).contains("Immigration Department");

        var row = jdbc.sql("select channel, owner_ref from conversation where id = ?::uuid")
                .param(conversation)
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
                .single();
        assertThat(row).startsWith("STAFF s:").doesNotContain("subject-imm-assistant-user");

        var history =
                officer.get(CONVERSATIONS + "/" + conversation + "/messages").json();
        assertThat(history.get("messages").get(1).get("content").asString())
                .isEqualTo("Draft: please bring your form.");
        assertThat(officer.get(CONVERSATIONS).json().toString()).contains(conversation);
    }

    @Test
    void aStaffConversationIsInvisibleToCitizensAndToOtherOfficers() {
        var officer = MockSignInProvider.signedIn(port, IMMIGRATION_OFFICER);
        var conversation = start(officer, "immigration");
        officerAsk(officer, conversation, "Internal question").drain();

        assertThat(officer.get("/api/v1/conversations/" + conversation).status())
                .as("not even the officer's own browser session as a citizen")
                .isEqualTo(404);
        assertThat(officer.get("/api/v1/conversations").json().toString()).doesNotContain(conversation);
        var citizen = new CitizenClient(port);
        assertThat(citizen.get("/api/v1/conversations/" + conversation + "/messages")
                        .status())
                .isEqualTo(404);

        var colleague = MockSignInProvider.signedIn(port, IMMIGRATION_COLLEAGUE);
        assertThat(colleague
                        .get(CONVERSATIONS + "/" + conversation + "/messages")
                        .status())
                .isEqualTo(404);
        assertThat(colleague.get(CONVERSATIONS).json().toString()).doesNotContain(conversation);
        assertThat(colleague
                        .get("/api/v1/staff/conversations/" + conversation + "/messages")
                        .status())
                .as("the staff portal's transcripts are citizens' conversations; this one is an officer's own")
                .isEqualTo(404);
    }

    @Test
    void anOfficerCannotStartAConversationWithAnotherDepartmentsAssistant() {
        var officer = MockSignInProvider.signedIn(port, IMMIGRATION_OFFICER);
        var refused = officer.post(CONVERSATIONS, Map.of("departmentId", "transport"));
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.json().get("type").asString()).isEqualTo("/problems/department-not-found");
    }

    @Test
    void anAnswerToAnOfficerIsResumedAndStoppedLikeACitizensOne() {
        var officer = MockSignInProvider.signedIn(port, IMMIGRATION_OFFICER);
        var conversation = start(officer, "immigration");
        FakeModelBackend.server().enqueue(FakeScript.tokens(200).tokenDelay(Duration.ofMillis(30)));
        String answerId;
        try (var stream = officerAsk(officer, conversation, "A long one")) {
            answerId = stream.next().text("assistantMessageId");
            stream.until(e -> e.name().equals("delta"));
        }
        try (var resumed =
                officer.follow(CONVERSATIONS + "/" + conversation + "/messages/" + answerId + "/events", "3")) {
            assertThat(resumed.status()).isEqualTo(200);
            resumed.until(e -> e.name().equals("delta"));
            assertThat(officer.post(CONVERSATIONS + "/" + conversation + "/messages/" + answerId + "/cancel", Map.of())
                            .status())
                    .isEqualTo(202);
            var end = resumed.until(e -> e.name().equals("done") || e.name().equals("error"));
            assertThat(end.text("status")).isEqualTo("CANCELLED");
        }
        assertThat(jdbc.sql("select status from message where id = ?")
                        .param(UUID.fromString(answerId))
                        .query(String.class)
                        .single())
                .isEqualTo("CANCELLED");
    }

    private static CitizenClient.Stream officerAsk(CitizenClient officer, String conversation, String question) {
        return officer.askAt(CONVERSATIONS + "/" + conversation + "/messages", question);
    }
}
