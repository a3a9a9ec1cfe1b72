package org.govchat.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.govchat.language.DetectedLanguage;
import org.govchat.language.Language;
import org.junit.jupiter.api.Test;

class ReplyLanguageTests {

    private final ReplyLanguage replyLanguage = new ReplyLanguage();
    private static final Locale HK = Locale.forLanguageTag("zh-HK");
    private static final Locale CN = Locale.forLanguageTag("zh-CN");

    @Test
    void aQuestionThatShowsItsLanguageDecides() {
        assertThat(replyLanguage.choose(new DetectedLanguage(Language.YUE_HANT, 0.9), "en", Locale.ENGLISH))
                .isEqualTo(Language.YUE_HANT);
    }

    @Test
    void aQuestionWithoutEvidenceKeepsTheConversationsLanguage() {
        assertThat(replyLanguage.choose(new DetectedLanguage(Language.EN, 0), "yue-Hant", Locale.ENGLISH))
                .isEqualTo(Language.YUE_HANT);
    }

    @Test
    void aFirstQuestionWithoutEvidenceFollowsTheInterface() {
        assertThat(replyLanguage.choose(new DetectedLanguage(Language.EN, 0), null, CN))
                .isEqualTo(Language.ZH_HANS);
        assertThat(replyLanguage.choose(new DetectedLanguage(Language.EN, 0), null, HK))
                .isEqualTo(Language.ZH_HANT);
        assertThat(replyLanguage.choose(new DetectedLanguage(Language.EN, 0), null, Locale.GERMAN))
                .isEqualTo(Language.EN);
    }

    @Test
    void chineseOfUnclearScriptStaysWithTheConversationsChinese() {
        assertThat(replyLanguage.choose(new DetectedLanguage(Language.ZH_HANT, 0.5), "zh-Hans", HK))
                .isEqualTo(Language.ZH_HANS);
        assertThat(replyLanguage.choose(new DetectedLanguage(Language.ZH_HANT, 0.5), "en", CN))
                .isEqualTo(Language.ZH_HANS);
        assertThat(replyLanguage.choose(new DetectedLanguage(Language.ZH_HANT, 0.5), null, HK))
                .isEqualTo(Language.ZH_HANT);
    }
}
