package org.govchat.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.govchat.model.fake.FakeOpenAiServer;
import org.govchat.model.fake.FakeScript;
import org.govchat.support.CitizenClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An answer stream is open at most {@code govchat.chat.stream-timeout}: then it ends without a final event,
 * the answer goes on being generated, and the client resumes after the last event it got.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StreamTimeoutTests {

    static final FakeOpenAiServer model = new FakeOpenAiServer();

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("govchat.backends.default.type", () -> "openai-compatible");
        registry.add("govchat.backends.default.base-url", model::baseUrl);
        registry.add("govchat.backends.default.default-model", () -> "fake-model");
        registry.add("govchat.chat.stream-timeout", () -> "1s");
        registry.add("govchat.chat.keep-alive-interval", () -> "200ms");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aStreamOpenLongerThanTheTimeoutEndsAndTheClientResumesWhereItLeftOff() {
        model.enqueue(FakeScript.tokens(10).tokenDelay(Duration.ofMillis(250)));
        var citizen = new CitizenClient(port);
        var conversation = citizen.startConversation("housing");

        String answerId;
        String lastId;
        String firstPart;
        long openFor;
        try (var stream = citizen.ask(conversation, "A slow answer, please")) {
            var began = System.nanoTime();
            answerId = stream.next().text("assistantMessageId");
            var events = stream.drain();
            openFor = Duration.ofNanos(System.nanoTime() - began).toMillis();
            assertThat(events).extracting(CitizenClient.Event::name).doesNotContain("done", "error");
            lastId = events.getLast().id();
            firstPart = stream.text();
        }
        // cut at about 1 s (the check comes with the next token or keep-alive), long before the 2.5 s answer ends
        assertThat(openFor).isBetween(900L, 1_900L);
        assertThat(firstPart).startsWith("t0 ").doesNotContain("t9");
        assertThat(Integer.parseInt(lastId)).isEqualTo(firstPart.length());

        // the generation went on without the client: resuming (each resumed stream is capped too) gets exactly
        // the rest
        var text = new StringBuilder(firstPart);
        CitizenClient.Event last = null;
        for (var resumes = 0; resumes < 5 && (last == null || !last.name().equals("done")); resumes++) {
            try (var resumed = citizen.resume(conversation, answerId, lastId)) {
                var events = resumed.drain();
                assertThat(events).isNotEmpty();
                assertThat(events).extracting(CitizenClient.Event::name).doesNotContain("error");
                text.append(resumed.text());
                last = events.getLast();
                lastId = last.id();
            }
        }
        assertThat(last.name()).isEqualTo("done");
        assertThat(text).hasToString("t0 t1 t2 t3 t4 t5 t6 t7 t8 t9 ");
        await().atMost(Duration.ofSeconds(5))
                .until(
                        () -> jdbc.sql("select status from message where id = ?::uuid")
                                .param(answerId)
                                .query(String.class)
                                .single(),
                        "COMPLETE"::equals);
    }
}
