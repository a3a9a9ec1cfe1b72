package org.govchat.admin.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.govchat.department.DepartmentSettingsDraft;
import org.govchat.department.LocalizedText;
import org.govchat.department.ProfileDraft;
import org.junit.jupiter.api.Test;

class SettingsDiffTests {

    static DepartmentSettingsDraft settings(String prompt, String temperature, List<String> fallbacks) {
        return new DepartmentSettingsDraft(
                new LocalizedText("Housing", "房屋署", "房屋署"),
                365,
                new ProfileDraft(
                        prompt,
                        "default",
                        null,
                        fallbacks,
                        new BigDecimal(temperature),
                        1024,
                        20,
                        new LocalizedText("Hi", "你好", "你好"),
                        false));
    }

    @Test
    void onlyChangedFieldsAreListedAndEqualNumbersWrittenDifferentlyAreNotChanges() {
        var before = settings("a\nb\nc", "0.30", List.of());
        var after = settings("a\nB\nc\nd", "0.3", List.of("spare"));
        var changes = SettingsDiff.between(before, after);
        assertThat(changes)
                .extracting(SettingsDiff.Change::field)
                .containsExactly("profile.systemPrompt", "profile.fallbackBackends");
        assertThat(changes.getFirst().lines())
                .extracting(line -> line.kind() + ":" + line.text())
                .containsExactly("same:a", "removed:b", "added:B", "same:c", "added:d");
        assertThat(SettingsDiff.between(before, before)).isEmpty();
    }

    @Test
    void aHugePromptRewriteIsShownAsRemovedThenAddedWithoutUnboundedMemory() {
        var old = "x\n".repeat(5_000) + "end";
        var rewritten = "y\n".repeat(5_000) + "end";
        var lines = SettingsDiff.lines(old, rewritten);
        assertThat(lines).hasSize(10_001);
        assertThat(lines.getFirst().kind()).isEqualTo("removed");
        assertThat(lines.getLast()).isEqualTo(new SettingsDiff.Line("same", "end"));
    }
}
