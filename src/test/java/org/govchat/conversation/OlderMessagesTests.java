package org.govchat.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OlderMessagesTests {

    @Test
    void theExtraRowOnlyTellsThatOlderMessagesRemainAndThePageComesOldestFirst() {
        var page = OlderMessages.of(List.of(10, 9, 8, 7), 3);

        assertThat(page.oldestFirst()).containsExactly(8, 9, 10);
        assertThat(page.hasMore()).isTrue();
    }

    @Test
    void aPageThatReachesTheFirstMessageHasNoMore() {
        assertThat(OlderMessages.of(List.of(3, 2, 1), 3)).isEqualTo(new OlderMessages<>(List.of(1, 2, 3), false));
        assertThat(OlderMessages.of(List.of(2, 1), 3)).isEqualTo(new OlderMessages<>(List.of(1, 2), false));
        assertThat(OlderMessages.of(List.<Integer>of(), 3).oldestFirst()).isEmpty();
    }

    @Test
    void withoutACursorEveryMessageIsBeforeTheBound() {
        assertThat(OlderMessages.before(null)).isEqualTo(Integer.MAX_VALUE);
        assertThat(OlderMessages.before(41)).isEqualTo(41);
    }
}
