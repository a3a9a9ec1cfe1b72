package org.govchat.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageDetectionTests {

    private final LanguageService languages = new LanguageService();

    private Language detect(String text) {
        return languages.detect(text).language();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   \n\t ",
                "👍🙏😀",
                "12345",
                "2024-05-01 10:30",
                "+852 2824 6111",
                "https://www.gov.hk/en/residents/immigration/",
                "www.gov.hk",
                "someone@example.com",
                "？！。，",
                "\u0000\u0007",
                "\uD83D",
                "IR56B A1234567(8)"
            })
    void textWithoutAnyLanguageEvidenceIsEnglishWithConfidenceZero(String text) {
        assertThat(languages.detect(text)).isEqualTo(new DetectedLanguage(Language.EN, 0.0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"パスポートを更新したい", "여권을 갱신하고 싶어요", "Здравствуйте"})
    void scriptsWeDoNotAnswerInCarryNoEvidence(String text) {
        assertThat(languages.detect(text)).isEqualTo(new DetectedLanguage(Language.EN, 0.0));
    }

    @Test
    void nullIsTreatedAsEmpty() {
        assertThat(languages.detect(null)).isEqualTo(new DetectedLanguage(Language.EN, 0.0));
    }

    @Test
    void aLinkInsideChineseTextDoesNotMakeItEnglish() {
        assertThat(detect("請睇 https://www.gov.hk/tc/residents/immigration/idcard/ 入面嘅資料"))
                .isEqualTo(Language.YUE_HANT);
        assertThat(detect("请发邮件到 enquiry@immd.gov.hk 查询")).isEqualTo(Language.ZH_HANS);
    }

    @Test
    void numbersAndEmojiAroundWordsDoNotChangeTheLanguage() {
        assertThat(detect("🙏🙏 Is 2824 6111 the hotline? 👍")).isEqualTo(Language.EN);
        assertThat(detect("我個 reference number 係 A1234567 😅")).isEqualTo(Language.YUE_HANT);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            我想renew我嘅passport                       | yue-Hant
            點樣apply公屋？                               | yue-Hant
            我嘅tax return submit咗未？                   | yue-Hant
            Where is the Immigration office in 灣仔?      | en
            Can I apply for 公屋 if I'm single?           | en
            Is the 入境事務處 open on Sundays?            | en
            請問 BNO 護照還可以作為旅行證件使用嗎？        | zh-Hant
            我的iPhone上打不开这个网页                     | zh-Hans
            """)
    void codeSwitchedTextFollowsItsGrammarNotItsNouns(String text, String tag) {
        assertThat(detect(text)).isEqualTo(Language.fromTag(tag));
    }

    @Test
    void featureCharactersInsideOrdinaryWordsAreNotCantonese() {
        assertThat(detect("我與他的關係良好")).isEqualTo(Language.ZH_HANT);
        assertThat(detect("關係證明")).isEqualTo(Language.ZH_HANT);
        assertThat(detect("情況緊急，請立即處理")).isEqualTo(Language.ZH_HANT);
        assertThat(detect("系統維護中")).isEqualTo(Language.ZH_HANT);
        assertThat(detect("我同佢嘅關係好好")).isEqualTo(Language.YUE_HANT);
    }

    @Test
    void cantoneseLoanWordsInStandardChineseDoNotMakeItMandarinOrCantonese() {
        assertThat(detect("乘坐的士前往機場大約需要多少車資？")).isEqualTo(Language.ZH_HANT);
        assertThat(detect("搭的士去機場要幾多錢？")).isEqualTo(Language.YUE_HANT);
    }

    @Test
    void traditionalScriptWithoutCantoneseFeaturesIsStandardChinese() {
        assertThat(detect("申請人必須年滿十八歲。")).isEqualTo(Language.ZH_HANT);
        assertThat(detect("請問護照要怎麼換發？")).isEqualTo(Language.ZH_HANT);
    }

    @Test
    void cantoneseInSimplifiedCharactersIsSimplifiedChinese() {
        var detected = languages.detect("我哋系香港人，佢讲嘅嘢我唔明白");
        assertThat(detected.language()).isEqualTo(Language.ZH_HANS);
        assertThat(detect("佢哋喺边度办手续？")).isEqualTo(Language.ZH_HANS);
    }

    @Test
    void cantoneseWithoutScriptEvidenceIsTraditionalCantonese() {
        var detected = languages.detect("佢哋喺度等緊");
        assertThat(detected.language()).isEqualTo(Language.YUE_HANT);
        assertThat(detected.confidence()).isGreaterThan(0.5);
    }

    @Test
    void chineseWithoutScriptEvidenceIsTraditionalWithLowConfidence() {
        var detected = languages.detect("你好");
        assertThat(detected.language()).isEqualTo(Language.ZH_HANT);
        assertThat(detected.confidence()).isLessThanOrEqualTo(0.5);
    }

    @Test
    void veryShortTextsAreDecidedByTheirFeatures() {
        assertThat(detect("唔該")).isEqualTo(Language.YUE_HANT);
        assertThat(detect("係")).isEqualTo(Language.YUE_HANT);
        assertThat(detect("谢谢")).isEqualTo(Language.ZH_HANS);
        assertThat(detect("謝謝")).isEqualTo(Language.ZH_HANT);
        assertThat(detect("ok")).isEqualTo(Language.EN);
        assertThat(detect("ＨＫＩＤ")).isEqualTo(Language.EN);
    }

    @Test
    void aScriptMajorityDecidesMixedScripts() {
        assertThat(detect("請問这个表格點樣填？我哋唔識")).isEqualTo(Language.YUE_HANT);
        assertThat(detect("请问這个表格怎么填写？")).isEqualTo(Language.ZH_HANS);
    }

    @Test
    void confidenceGrowsWithEvidence() {
        double one = languages.detect("ok").confidence();
        double many = languages
                .detect("How do I renew my passport before it expires?")
                .confidence();
        assertThat(one).isBetween(0.0, 1.0);
        assertThat(many).isGreaterThan(one).isLessThanOrEqualTo(1.0);
    }

    @Test
    void veryLongOrMalformedTextNeverThrows() {
        var cantonese = "我想問吓點樣續領護照，".repeat(20_000);
        assertThat(detect(cantonese)).isEqualTo(Language.YUE_HANT);
        assertThatNoException().isThrownBy(() -> languages.detect("\uDC00\uD800我\uD800"));
        assertThatNoException().isThrownBy(() -> languages.detect("a".repeat(100_000) + "@"));
        assertThatNoException().isThrownBy(() -> languages.detect("http://" + "\u0000".repeat(10)));
    }
}
