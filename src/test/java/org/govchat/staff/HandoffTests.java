package org.govchat.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govchat.support.LiveEvents.message;
import static org.govchat.support.LiveEvents.named;
import static org.govchat.support.MockSignInProvider.TestOfficer.withGroups;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.govchat.support.CitizenClient;
import org.govchat.support.FakeModelBackend;
import org.govchat.support.LiveEvents;
import org.govchat.support.MockSignInProvider;
import org.govchat.support.MockSignInProvider.TestOfficer;
import org.govchat.support.StaffIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A citizen asks for a person; the conversation goes live to the department's inbox; an officer claims it
 * (exactly one of many), they write to each other live, and the officer hands it back or closes it. Nobody
 * claiming in time ends in a contact or a case reference in the inbox.
 */
@StaffIntegrationTest
class HandoffTests {

    static final TestOfficer IMMIGRATION_OFFICER = withGroups("imm-officer-h", "/departments/immigration/staff");
    static final TestOfficer IMMIGRATION_COLLEAGUE = withGroups("imm-colleague-h", "/departments/immigration/staff");
    static final TestOfficer TRANSPORT_OFFICER = withGroups("tra-officer-h", "/departments/transport/staff");
    static final Duration LIVE = Duration.ofSeconds(5);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    CitizenClient citizen(String language) {
        return new CitizenClient(port).language(language);
    }

    static String handoff(String conversation) {
        return "/api/v1/conversations/" + conversation + "/handoff";
    }

    static String staff(String conversation, String action) {
        return "/api/v1/staff/conversations/" + conversation + "/" + action;
    }

    String escalated(CitizenClient citizen, String department) {
        var conversation = citizen.startConversation(department);
        var requested = citizen.post(handoff(conversation), Map.of());
        assertThat(requested.status()).as(requested.body()).isEqualTo(200);
        return conversation;
    }

    static JsonNode inboxItem(CitizenClient.Event inbox, String conversation) {
        for (var item : inbox.data().get("handoffs")) {
            if (item.get("handoff").get("conversationId").asString().equals(conversation)) {
                return item;
            }
        }
        return null;
    }

    @Test
    void aCitizensRequestAppearsLiveInTheDepartmentsInboxWithLanguageWaitingTimeAndTranscript() {
        var officer = MockSignInProvider.signedIn(port, IMMIGRATION_OFFICER);
        try (var inbox = LiveEvents.of(officer.follow("/api/v1/staff/inbox/events", null))) {
            inbox.next(named("inbox"));
            var citizen = citizen("zh-HK");
            var conversation = citizen.startConversation("immigration");
            try (var answer = citizen.ask(conversation, "我想問點樣續領護照呀？")) {
                assertThat(answer.drain().getLast().name()).isEqualTo("done");
            }

            var requested = citizen.post(handoff(conversation), Map.of());
            assertThat(requested.status()).isEqualTo(200);
            assertThat(requested.json().get("status").asString()).isEqualTo("ESCALATED");
            assertThat(requested.json().get("phase").asString()).isEqualTo("WAITING");
            assertThat(requested.json().get("reason").asString()).isEqualTo("CITIZEN_REQUEST");

            var event = inbox.next(e -> e.name().equals("inbox") && inboxItem(e, conversation) != null);
            var listed = inboxItem(event, conversation);
            assertThat(listed.get("title").asString()).isEqualTo("我想問點樣續領護照呀？");
            assertThat(listed.get("messageCount").asInt()).isEqualTo(3);
            var item = listed.get("handoff");
            assertThat(item.get("departmentId").asString()).isEqualTo("immigration");
            assertThat(item.get("language").asString()).isEqualTo("yue-Hant");
            assertThat(item.get("phase").asString()).isEqualTo("WAITING");
            assertThat(item.get("requestedAt").asString()).isNotBlank();
            assertThat(event.data().get("serverTime").asString()).isNotBlank();
            assertThat(Duration.between(
                            java.time.Instant.parse(item.get("requestedAt").asString()),
                            java.time.Instant.parse(item.get("claimDeadline").asString())))
                    .as("the configured claim timeout (default 2 minutes)")
                    .isEqualTo(Duration.ofMinutes(2));
        }
        var conversation = jdbc.sql("""
                select h.conversation_id from handoff h where h.department_id = 'immigration' and h.ended_at is null
                order by h.requested_at desc limit 1
                """).query(UUID.class).single();
        var transcript = officer.get(staff(conversation.toString(), "messages")).json();
        var roles = new ArrayList<String>();
        transcript
                .get("messages")
                .get("messages")
                .forEach(m -> roles.add(m.get("role").asString()));
        assertThat(roles).containsExactly("USER", "ASSISTANT", "SYSTEM");
        var notice = transcript.get("messages").get("messages").get(2);
        assertThat(notice.get("content").asString())
                .as("the notice is in the conversation's language (Cantonese → Traditional Chinese)")
                .isEqualTo("你已要求與入境事務處職員對話。請留在此頁面，職員有空便會加入對話。");
        assertThat(transcript.get("handoff").get("phase").asString()).isEqualTo("WAITING");
    }

    @Test
    void ofManyOfficersClaimingAtOnceExactlyOneWinsAndTheOthersGet409() throws Exception {
        var citizen = citizen("en");
        var conversation = escalated(citizen, "immigration");
        var officers = new ArrayList<CitizenClient>();
        for (int i = 0; i < 8; i++) {
            officers.add(MockSignInProvider.signedIn(
                    port,
                    withGroups(
                            "racer-" + i + "-" + UUID.randomUUID().toString().substring(0, 6),
                            "/departments/immigration/staff")));
        }
        var start = new CountDownLatch(1);
        var claims = new ArrayList<Callable<CitizenClient.Reply>>();
        for (var officer : officers) {
            claims.add(() -> {
                start.await();
                return officer.post(staff(conversation, "claim"), Map.of());
            });
        }
        List<CitizenClient.Reply> replies = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = claims.stream().map(pool::submit).toList();
            start.countDown();
            for (var future : futures) {
                replies.add(future.get());
            }
        }
        var won = replies.stream().filter(r -> r.status() == 200).toList();
        var lost = replies.stream().filter(r -> r.status() != 200).toList();
        assertThat(won).hasSize(1);
        assertThat(won.getFirst().json().get("claimedByMe").asBoolean()).isTrue();
        assertThat(lost).hasSize(7).allSatisfy(reply -> {
            assertThat(reply.status()).isEqualTo(409);
            assertThat(reply.json().get("type").asString()).isEqualTo("/problems/handoff-already-claimed");
        });
        var winner = won.getFirst().json().get("claimedBy").asString();
        assertThat(jdbc.sql("select claimed_by_name from handoff where conversation_id = ?::uuid")
                        .param(conversation)
                        .query(String.class)
                        .single())
                .isEqualTo(winner);
        assertThat(jdbc.sql("""
                        select count(*) from message where conversation_id = ?::uuid and role = 'SYSTEM'
                          and content = 'An officer has joined the conversation.'
                        """).param(conversation).query(Long.class).single()).isOne();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'HANDOFF_CLAIMED' and target_id = ?")
                        .param(conversation)
                        .query(Long.class)
                        .single())
                .isOne();
    }

    @Test
    void officerAndCitizenMessagesFlowLiveBothWaysAndTheModelIsNotAsked() {
        var citizen = citizen("en");
        var conversation = escalated(citizen, "immigration");
        var officer = MockSignInProvider.signedIn(port, IMMIGRATION_OFFICER);
        try (var citizenSide =
                        LiveEvents.of(citizen.follow("/api/v1/conversations/" + conversation + "/events", null));
                var officerSide = LiveEvents.of(officer.follow(staff(conversation, "events"), null))) {
            assertThat(citizenSide.next(named("state")).text("phase")).isEqualTo("WAITING");
            officerSide.next(named("state"));

            assertThat(officer.post(staff(conversation, "claim"), Map.of()).status())
                    .isEqualTo(200);
            assertThat(citizenSide.next(named("state")).text("phase")).isEqualTo("CLAIMED");
            var joined = citizenSide.next(
                    message("SYSTEM").and(e -> e.text("content").contains("joined")));
            assertThat(joined.text("content")).isEqualTo("An officer has joined the conversation.");

            var sent = officer.post(
                    staff(conversation, "messages"), Map.of("content", "Hello, I am an officer. How can I help?"));
            assertThat(sent.status()).isEqualTo(201);
            var reply = citizenSide.next(message("STAFF"));
            assertThat(reply.text("content")).isEqualTo("Hello, I am an officer. How can I help?");
            assertThat(reply.data().has("authorName"))
                    .as("officers' names stay with officers")
                    .isFalse();
            assertThat(reply.id())
                    .isEqualTo(String.valueOf(sent.json().get("seq").asInt()));

            var modelCalls = FakeModelBackend.server().requests().size();
            try (var relayed = citizen.ask(conversation, "My passport expired last week.")) {
                var events = relayed.drain();
                assertThat(events).extracting(CitizenClient.Event::name).containsExactly("relayed");
                assertThat(events.getFirst().text("userMessageId")).isNotBlank();
            }
            var question = officerSide.next(message("USER"));
            assertThat(question.text("content")).isEqualTo("My passport expired last week.");
            assertThat(FakeModelBackend.server().requests()).hasSize(modelCalls);

            var stored = jdbc.sql("""
                    select role || ':' || coalesce(author_name, '-') from message
                    where conversation_id = ?::uuid order by seq
                    """).param(conversation).query(String.class).list();
            assertThat(stored).containsExactly("SYSTEM:-", "SYSTEM:-", "STAFF:Officer imm-officer-h", "USER:-");
        }
    }

    @Test
    void handingBackReturnsTheConversationToTheAssistant() {
        var citizen = citizen("zh-CN");
        var conversation = escalated(citizen, "immigration");
        var officer = MockSignInProvider.signedIn(port, IMMIGRATION_OFFICER);
        officer.post(staff(conversation, "claim"), Map.of());
        try (var citizenSide =
                LiveEvents.of(citizen.follow("/api/v1/conversations/" + conversation + "/events", "2"))) {
            var handedBack = officer.post(staff(conversation, "hand-back"), Map.of());
            assertThat(handedBack.status()).isEqualTo(200);
            assertThat(handedBack.json().get("status").asString()).isEqualTo("ACTIVE");
            assertThat(citizenSide.next(message("SYSTEM")).text("content")).isEqualTo("职员已把对话交回助理。你可以继续在这里提问。");
            assertThat(citizenSide.endsWithin(LIVE))
                    .as("the citizen's live stream ends once the officer is gone")
                    .isTrue();
        }
        try (var answer = citizen.ask(conversation, "Thanks. One more question?")) {
            var events = answer.drain();
            assertThat(events.getFirst().name()).isEqualTo("start");
            assertThat(events.getLast().name()).isEqualTo("done");
            assertThat(answer.text()).isEqualTo("Hello from the fake model.");
        }
        assertThat(officer.post(staff(conversation, "messages"), Map.of("content", "Too late"))
                        .json()
                        .get("type")
                        .asString())
                .isEqualTo("/problems/handoff-not-open");
        assertThat(jdbc.sql("select outcome from handoff where conversation_id = ?::uuid")
                        .param(conversation)
                        .query(String.class)
                        .single())
                .isEqualTo("HANDED_BACK");
    }

    @Test
    void closingEndsTheConversationForGoodAndOnlyTheOfficerWhoClaimedCanDoIt() {
        var citizen = citizen("en");
        var conversation = escalated(citizen, "immigration");
        var officer = MockSignInProvider.signedIn(port, IMMIGRATION_OFFICER);
        var colleague = MockSignInProvider.signedIn(port, IMMIGRATION_COLLEAGUE);
        officer.post(staff(conversation, "claim"), Map.of());

        var intruder = colleague.post(staff(conversation, "messages"), Map.of("content", "Me too"));
        assertThat(intruder.status()).isEqualTo(409);
        assertThat(intruder.json().get("type").asString()).isEqualTo("/problems/handoff-not-yours");
        assertThat(colleague.post(staff(conversation, "close"), Map.of()).status())
                .isEqualTo(409);

        var closed = officer.post(staff(conversation, "close"), Map.of());
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");
        var refused = citizen.post("/api/v1/conversations/" + conversation + "/messages", Map.of("content", "Hello?"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).isEqualTo("/problems/conversation-closed");
        assertThat(refused.json().get("detail").asString()).startsWith("An officer has closed this conversation.");
        assertThat(citizen.get(handoff(conversation)).json().get("status").asString())
                .isEqualTo("CLOSED");
    }

    @Test
    void nobodyClaimingInTimeTellsTheCitizenWhoLeavesAValidatedContactThatLandsInTheInbox() {
        var citizen = citizen("zh-HK");
        var conversation = escalated(citizen, "immigration");
        try (var citizenSide =
                LiveEvents.of(citizen.follow("/api/v1/conversations/" + conversation + "/events", null))) {
            citizenSide.next(named("state"));
            // the claim deadline passes (the sweep runs every 200 ms in these tests)
            jdbc.sql("update handoff set claim_deadline = now() where conversation_id = ?::uuid")
                    .param(conversation)
                    .update();
            // (a state with the moved deadline may come first)
            citizenSide.next(named("state").and(e -> e.text("phase").equals("TIMED_OUT")));
            var timedOut = citizenSide.next(
                    message("SYSTEM").and(e -> e.text("content").startsWith("現時")));
            assertThat(timedOut.text("content")).isEqualTo("現時沒有職員有空。你可以留下電話號碼或電郵地址，讓職員聯絡你；或取得個案編號，聯絡部門時提供。");

            var invalid = citizen.post(handoff(conversation) + "/follow-up", Map.of("contact", "12345"));
            assertThat(invalid.status()).isEqualTo(400);
            assertThat(invalid.json().get("type").asString()).isEqualTo("/problems/contact-invalid");
            assertThat(invalid.json().get("detail").asString()).isEqualTo("請輸入有效的電話號碼或電郵地址。");
            assertThat(citizen.post(handoff(conversation) + "/follow-up", Map.of("contact", "not an @ address"))
                            .status())
                    .isEqualTo(400);

            var left = citizen.post(handoff(conversation) + "/follow-up", Map.of("contact", "9123 4567"));
            assertThat(left.status()).as(left.body()).isEqualTo(200);
            var reference = left.json().get("caseReference").asString();
            assertThat(reference).matches("IMM-[A-Z2-9]{4}-[A-Z2-9]{4}");
            assertThat(left.json().get("contact").asString()).isEqualTo("+85291234567");
            assertThat(citizenSide
                            .next(message("SYSTEM").and(e -> e.text("content").contains(reference)))
                            .text("content"))
                    .isEqualTo("謝謝。職員會經 +852 9123 4567 聯絡你。你的個案編號是 " + reference + "。");
            assertThat(citizenSide.endsWithin(LIVE)).isTrue();
        }
        var inbox = MockSignInProvider.signedIn(port, IMMIGRATION_OFFICER)
                .get("/api/v1/staff/inbox")
                .json();
        JsonNode item = null;
        for (var candidate : inbox.get("handoffs")) {
            if (candidate.get("handoff").get("conversationId").asString().equals(conversation)) {
                item = candidate.get("handoff");
            }
        }
        assertThat(item).isNotNull();
        assertThat(item.get("phase").asString()).isEqualTo("FOLLOW_UP");
        assertThat(item.get("contact").asString()).isEqualTo("+85291234567");
        assertThat(item.get("contactKind").asString()).isEqualTo("PHONE");
        assertThat(item.get("caseReference").asString()).startsWith("IMM-");
        assertThat(citizen.get(handoff(conversation)).json().get("status").asString())
                .as("the assistant answers again meanwhile")
                .isEqualTo("ACTIVE");

        var officer = MockSignInProvider.signedIn(port, IMMIGRATION_OFFICER);
        assertThat(officer.post(staff(conversation, "claim"), Map.of()).status())
                .as("nobody waits in the chat any more: it is a call back")
                .isEqualTo(409);
        var done = officer.post(staff(conversation, "close"), Map.of());
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.json().get("phase").isNull()).isTrue();
        assertThat(jdbc.sql("select outcome from handoff where conversation_id = ?::uuid")
                        .param(conversation)
                        .query(String.class)
                        .single())
                .isEqualTo("FOLLOWED_UP");
    }

    @Test
    void aCitizenCanTakeACaseReferenceWithoutContactOrGoBackToTheAssistant() {
        var citizen = citizen("en");
        var conversation = escalated(citizen, "transport");
        var taken = citizen.post(handoff(conversation) + "/follow-up", Map.of());
        assertThat(taken.status()).isEqualTo(200);
        assertThat(taken.json().get("caseReference").asString()).startsWith("TRA-");
        assertThat(taken.json().get("contact").isNull()).isTrue();
        assertThat(jdbc.sql("select content from message where conversation_id = ?::uuid order by seq desc limit 1")
                        .param(conversation)
                        .query(String.class)
                        .single())
                .isEqualTo("Your case reference is "
                        + taken.json().get("caseReference").asString()
                        + ". Please quote it when you contact the department.");

        var other = escalated(citizen, "transport");
        var cancelled = citizen.delete(handoff(other));
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(cancelled.json().get("phase").isNull()).isTrue();
        assertThat(citizen.delete(handoff(other)).status()).isEqualTo(409);
    }

    @Test
    void departmentsThatDoNotOfferOfficersRefuseAndAnotherCitizenSeesNothing() {
        var citizen = citizen("en");
        var housing = citizen.startConversation("housing");
        var refused = citizen.post(handoff(housing), Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).isEqualTo("/problems/handoff-unavailable");
        assertThat(citizen.get(handoff(housing)).json().get("available").asBoolean())
                .isFalse();

        var conversation = escalated(citizen, "immigration");
        var stranger = citizen("en");
        assertThat(stranger.get(handoff(conversation)).status()).isEqualTo(404);
        assertThat(stranger.post(handoff(conversation), Map.of()).status()).isEqualTo(404);
        try (var stream = stranger.follow("/api/v1/conversations/" + conversation + "/events", null)) {
            assertThat(stream.status()).isEqualTo(404);
        }
    }

    @Test
    void anOfficerSeesAndTouchesOnlyTheirOwnDepartmentsHandoffs() {
        var citizen = citizen("en");
        var immigration = escalated(citizen, "immigration");
        var transport = escalated(citizen, "transport");
        var officer = MockSignInProvider.signedIn(port, TRANSPORT_OFFICER);

        var inbox = officer.get("/api/v1/staff/inbox").json();
        var departments = new ArrayList<String>();
        inbox.get("handoffs")
                .forEach(item ->
                        departments.add(item.get("handoff").get("departmentId").asString()));
        assertThat(departments).contains("transport").containsOnly("transport");

        for (var action : List.of("claim", "hand-back", "close")) {
            var reply = officer.post(staff(immigration, action), Map.of());
            assertThat(reply.status()).as(action).isEqualTo(404);
            assertThat(reply.json().get("type").asString()).isEqualTo("/problems/conversation-not-found");
        }
        assertThat(officer.post(staff(immigration, "messages"), Map.of("content", "hi"))
                        .status())
                .isEqualTo(404);
        try (var stream = officer.follow(staff(immigration, "events"), null)) {
            assertThat(stream.status()).isEqualTo(404);
        }
        assertThat(officer.post(staff(transport, "claim"), Map.of()).status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit_event where target_id = ?")
                        .param(immigration)
                        .query(Long.class)
                        .single())
                .as("refusals record nothing")
                .isZero();
    }

    @Test
    void everyOfficerActionIsAuditedWithoutMessageContent() {
        var citizen = citizen("en");
        var conversation = escalated(citizen, "immigration");
        var officer = MockSignInProvider.signedIn(port, IMMIGRATION_OFFICER);
        officer.get(staff(conversation, "messages"));
        officer.post(staff(conversation, "claim"), Map.of());
        officer.post(staff(conversation, "messages"), Map.of("content", "A private matter"));
        officer.post(staff(conversation, "hand-back"), Map.of());

        var actions = jdbc.sql("""
                select action || ' ' || actor || ' ' || department_id from audit_event
                where target_id = ? order by id
                """).param(conversation).query(String.class).list();
        assertThat(actions)
                .containsExactly(
                        "CITIZEN_CONVERSATION_OPENED imm-officer-h immigration",
                        "HANDOFF_CLAIMED imm-officer-h immigration",
                        "HANDOFF_STAFF_MESSAGE imm-officer-h immigration",
                        "HANDOFF_HANDED_BACK imm-officer-h immigration");
        assertThat(jdbc.sql("select count(*) from audit_event where target_id = ? and details::text like '%private%'")
                        .param(conversation)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aConversationTheCitizenErasesLeavesTheInboxAtOnce() {
        var officer = MockSignInProvider.signedIn(port, IMMIGRATION_OFFICER);
        var citizen = citizen("en");
        try (var inbox = LiveEvents.of(officer.follow("/api/v1/staff/inbox/events", null))) {
            var conversation = escalated(citizen, "immigration");
            inbox.next(e -> e.name().equals("inbox") && inboxItem(e, conversation) != null);
            assertThat(citizen.delete("/api/v1/conversations/" + conversation).status())
                    .isEqualTo(204);
            inbox.await(e -> e.name().equals("inbox") && inboxItem(e, conversation) == null, Duration.ofSeconds(3));
        }
    }

    @Test
    void anOfficersEmptyOrUnreadableMessageIsRefusedInTheirLanguage() {
        var citizen = citizen("en");
        var conversation = escalated(citizen, "immigration");
        var officer = MockSignInProvider.signedIn(port, IMMIGRATION_OFFICER).language("zh-CN");
        officer.post(staff(conversation, "claim"), Map.of());
        var empty = officer.post(staff(conversation, "messages"), Map.of("content", "   "));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("type").asString()).isEqualTo("/problems/text-empty");
        assertThat(empty.json().get("detail").asString()).isEqualTo("请输入消息。");
        var control = officer.post(staff(conversation, "messages"), Map.of("content", "bell\u0007"));
        assertThat(control.json().get("type").asString()).isEqualTo("/problems/text-control-characters");
    }
}
