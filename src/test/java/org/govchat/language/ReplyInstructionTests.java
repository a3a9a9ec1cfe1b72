package org.govchat.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplyInstructionTests {

    private final LanguageService languages = new LanguageService();

    @Test
    void everyLanguageHasAnInstructionNamingItsScript() {
        assertThat(languages.replyInstruction(Language.EN)).contains("English");
        assertThat(languages.replyInstruction(Language.YUE_HANT))
                .contains("Cantonese", "Traditional")
                .contains("粵語");
        assertThat(languages.replyInstruction(Language.ZH_HANT))
                .contains("Traditional")
                .contains("繁體中文");
        assertThat(languages.replyInstruction(Language.ZH_HANS))
                .contains("Simplified")
                .contains("简体中文");
    }

    @Test
    void instructionsOverrideTheLanguageOfTheDepartmentsPrompt() {
        for (var language : Language.values()) {
            assertThat(languages.replyInstruction(language)).contains("even if the instructions");
        }
    }
}
