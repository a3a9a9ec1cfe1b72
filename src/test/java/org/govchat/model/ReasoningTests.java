package org.govchat.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.govchat.model.fake.FakeOllamaServer;
import org.govchat.model.fake.FakeOpenAiServer;
import org.govchat.model.fake.FakeScript;
import org.junit.jupiter.api.Test;

class ReasoningTests {

    private static final String STREAM = "<think>The citizen asks about fees.</think>\n\nThe fee is $50.";

    private static String[] split(List<String> into) {
        var answer = new StringBuilder();
        var reasoning = new StringBuilder();
        var splitter = new ReasoningSplitter(answer::append, reasoning::append);
        into.forEach(splitter::accept);
        splitter.finish();
        return new String[] {reasoning.toString(), answer.toString()};
    }

    @Test
    void thinkTagsAreTakenOutWhereverTheStreamIsCut() {
        for (int first = 0; first <= STREAM.length(); first++) {
            for (int second = first; second <= STREAM.length(); second++) {
                var chunks =
                        List.of(STREAM.substring(0, first), STREAM.substring(first, second), STREAM.substring(second));

                var parts = split(chunks);

                assertThat(parts[0])
                        .as("reasoning for cuts at %d and %d", first, second)
                        .isEqualTo("The citizen asks about fees.");
                assertThat(parts[1])
                        .as("answer for cuts at %d and %d", first, second)
                        .isEqualTo("The fee is $50.");
            }
        }
    }

    @Test
    void thinkTagsAreTakenOutWhenEveryCharacterIsAChunkOfItsOwn() {
        var chunks = new ArrayList<String>();
        STREAM.chars().forEach(c -> chunks.add(String.valueOf((char) c)));

        var parts = split(chunks);

        assertThat(parts).containsExactly("The citizen asks about fees.", "The fee is $50.");
    }

    @Test
    void textThatOnlyLooksLikeATagStartStaysInTheAnswer() {
        assertThat(split(List.of("If a <", " b then", " <thin", "g>"))).containsExactly("", "If a < b then <thing>");
        assertThat(split(List.of("ends with <thi"))).containsExactly("", "ends with <thi");
    }

    @Test
    void anAnswerWithoutReasoningPassesUnchangedButForLeadingWhitespace() {
        assertThat(split(List.of("  \n", "Hello", " world"))).containsExactly("", "Hello world");
    }

    @Test
    void reasoningContentDeltasGoToReasoningAndNeverToTheAnswer() {
        try (var server = new FakeOpenAiServer();
                var backends = TestBackends.of(
                        "r1", TestBackends.openAi(server.baseUrl()).build())) {
            server.enqueue(
                    FakeScript.answer("The", " fee", " is", " $50.").reasoning("Fees", " are", " listed", " online."));

            var listener = backends.generate("fee?", "r1").awaitEnd();

            assertThat(listener.reasoning()).isEqualTo("Fees are listed online.");
            assertThat(listener.answer()).isEqualTo("The fee is $50.");
            assertThat(listener.result.tokensOut()).isEqualTo(8);
        }
    }

    @Test
    void thinkTagsInsideTheContentStreamAreSplitEvenWhenCutAcrossChunks() {
        try (var server = new FakeOpenAiServer();
                var backends = TestBackends.of(
                        "r1", TestBackends.openAi(server.baseUrl()).build())) {
            server.enqueue(FakeScript.answer("<th", "ink>Pon", "der</thi", "nk>", "\n\n", "Ans", "wer."));

            var listener = backends.generate("?", "r1").awaitEnd();

            assertThat(listener.reasoning()).isEqualTo("Ponder");
            assertThat(listener.answer()).isEqualTo("Answer.");
            assertThat(listener.events).noneMatch(e -> e.startsWith("answer") && e.contains("think"));
        }
    }

    @Test
    void deepSeekStyleReasoningFromTheFakeIsSplitOff() {
        try (var server = new FakeOpenAiServer();
                var backends = TestBackends.of(
                        "r1", TestBackends.openAi(server.baseUrl()).build())) {
            server.enqueue(FakeScript.answer("Yes.")
                    .reasoning("Check", " the", " rules.")
                    .reasoningStyle(FakeScript.ReasoningStyle.THINK_TAGS));

            var listener = backends.generate("?", "r1").awaitEnd();

            assertThat(listener.reasoning()).isEqualTo("Check the rules.");
            assertThat(listener.answer()).isEqualTo("Yes.");
        }
    }

    @Test
    void ollamaThinkingGoesToReasoning() {
        try (var server = new FakeOllamaServer();
                var backends = TestBackends.of(
                        "local", TestBackends.ollama(server.baseUrl()).build())) {
            server.enqueue(FakeScript.answer("Yes", ".").reasoning("Hmm", "…"));

            var listener = backends.generate("?", "local").awaitEnd();

            assertThat(listener.reasoning()).isEqualTo("Hmm…");
            assertThat(listener.answer()).isEqualTo("Yes.");
        }
    }
}
