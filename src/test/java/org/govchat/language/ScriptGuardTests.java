package org.govchat.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ScriptGuardTests {

    private final LanguageService languages = new LanguageService();

    /** A model answering a Simplified question in Traditional characters, as it streams. */
    static final List<String> TRADITIONAL_ANSWER = List.of(
            "您好", "！", "續", "領", "香港", "特區", "護照", "，", "您", "需要", "準備", "以下", "文件", "：\n", "1", ".", " 填", "妥", "的申請",
            "表格", "（", "HK", "P", "1", "）；\n", "2", ".", " 現有", "的", "護照", "及", "身份", "證", "；\n", "3", ".", " 兩張", "符合",
            "規格", "的", "相片", "。\n", "您可以", "透過", "網上", "或", "親身", "遞交", "申請", "，", "費用", "為", "370", "元", "，", "一般",
            "需時", "10", "個", "工作", "天", "。", "如有", "疑問", "，", "請", "致電", "2824", " 6111", "查詢", "。");

    static final String TRADITIONAL_ANSWER_IN_SIMPLIFIED = "您好！续领香港特区护照，您需要准备以下文件：\n"
            + "1. 填妥的申请表格（HKP1）；\n"
            + "2. 现有的护照及身份证；\n"
            + "3. 两张符合规格的相片。\n"
            + "您可以透过网上或亲身递交申请，费用为370元，一般需时10个工作天。如有疑问，请致电2824 6111查询。";

    /** A model answering a Traditional question in Simplified characters, as it streams. */
    static final List<String> SIMPLIFIED_ANSWER = List.of(
            "您好", "！", "您", "可以", "通过", "网上", "预约", "系统", "办理", "驾驶", "执照", "续期", "，", "费用", "为", "900", "元", "。", "请",
            "准备", "身份证", "、", "现有", "驾驶", "执照", "及", "住址", "证明", "。", "办理", "后", "，", "新", "执照", "会", "在", "十", "个",
            "工作", "天", "内", "寄出", "。");

    static final String SIMPLIFIED_ANSWER_IN_TRADITIONAL =
            "您好！您可以通過網上預約系統辦理駕駛執照續期，費用為900元。" + "請準備身份證、現有駕駛執照及住址證明。辦理後，新執照會在十個工作天內寄出。";

    /** Written Cantonese that drifted into Simplified characters; 𨋢 (lift) lies outside the BMP. */
    static final List<String> SIMPLIFIED_CANTONESE_ANSWER = List.of(
            "你", "可以", "喺", "网上", "睇", "吓", "，", "唔", "该", "晒", "！", "佢哋", "嘅", "办事", "处", "喺", "湾仔", "，", "搭",
            "\uD860", "\uDEE2", "上", "三", "楼", "就", "到", "咗", "，", "冇", "问题", "㗎", "。");

    static final String SIMPLIFIED_CANTONESE_ANSWER_IN_TRADITIONAL = "你可以喺網上睇吓，唔該晒！佢哋嘅辦事處喺灣仔，搭𨋢上三樓就到咗，冇問題㗎。";

    static String stream(ScriptGuard guard, List<String> deltas) {
        var shown = new StringBuilder();
        deltas.forEach(delta -> shown.append(guard.push(delta)));
        return shown.append(guard.finish()).toString();
    }

    static String inOnePiece(ScriptGuard guard, String text) {
        return guard.push(text) + guard.finish();
    }

    @Test
    void aSimplifiedQuestionGetsSimplifiedCharactersWhenTheModelStreamsTraditional() {
        var shown = stream(languages.scriptGuard(Language.ZH_HANS), TRADITIONAL_ANSWER);

        assertThat(shown).isEqualTo(TRADITIONAL_ANSWER_IN_SIMPLIFIED);
    }

    @Test
    void aTraditionalQuestionGetsTraditionalCharactersWhenTheModelStreamsSimplified() {
        var shown = stream(languages.scriptGuard(Language.ZH_HANT), SIMPLIFIED_ANSWER);

        assertThat(shown).isEqualTo(SIMPLIFIED_ANSWER_IN_TRADITIONAL);
    }

    @Test
    void cantoneseAnswersGetTraditionalCharactersAndKeepTheirCantoneseCharacters() {
        var shown = stream(languages.scriptGuard(Language.YUE_HANT), SIMPLIFIED_CANTONESE_ANSWER);

        assertThat(shown).isEqualTo(SIMPLIFIED_CANTONESE_ANSWER_IN_TRADITIONAL);
    }

    @ParameterizedTest
    @EnumSource(
            value = Language.class,
            names = {"YUE_HANT", "ZH_HANT"})
    void cantoneseCharactersSurviveConversionToTraditional(Language language) {
        var cantonese = "嘅咗冇喺啲嚟佢哋嗰噉咁嘢乜睇搵畀諗攞㗎喎啩噃嘞咩啱瞓攰嬲冚孭黐唞餸𨋢唔係吓晒";

        assertThat(inOnePiece(languages.scriptGuard(language), cantonese)).isEqualTo(cantonese);
        assertThat(inOnePiece(languages.scriptGuard(language), "我哋而家喺呢度等紧，唔该晒，你睇吓"))
                .isEqualTo("我哋而家喺呢度等緊，唔該晒，你睇吓");
    }

    @Test
    void correctTraditionalTextPassesUnchanged() {
        var answers = List.of(
                "請攜同兩張相片及身份證明文件。",
                "如對決定有異議，可於十四天內提出覆核，我們不會干預獨立審裁處的程序。",
                "只有一隻寵物可以登記，皇后大道中的辦事處已遷往其他地址，見面時間另行通知。",
                "你可以了解一下入息限額，先睇吓網上嘅資料，唔該晒。",
                "公司註冊處的網頁載有詳細資料，你亦可致電查詢。",
                SIMPLIFIED_ANSWER_IN_TRADITIONAL,
                SIMPLIFIED_CANTONESE_ANSWER_IN_TRADITIONAL);
        for (var language : List.of(Language.ZH_HANT, Language.YUE_HANT)) {
            for (var answer : answers) {
                assertThat(inOnePiece(languages.scriptGuard(language), answer)).isEqualTo(answer);
            }
        }
    }

    @Test
    void correctSimplifiedTextPassesUnchanged() {
        var answers = List.of("效果显著，皇后大道的办事处只有一个窗口。", "请携带两张相片和身份证明文件，我们不会干预审批程序。", TRADITIONAL_ANSWER_IN_SIMPLIFIED);
        for (var answer : answers) {
            assertThat(inOnePiece(languages.scriptGuard(Language.ZH_HANS), answer))
                    .isEqualTo(answer);
        }
    }

    @Test
    void aFewWrongCharactersInACorrectSentenceAreConvertedAlone() {
        assertThat(inOnePiece(languages.scriptGuard(Language.ZH_HANT), "請帶兩張相片和这份表格。"))
                .isEqualTo("請帶兩張相片和這份表格。");
        assertThat(inOnePiece(languages.scriptGuard(Language.ZH_HANS), "请带两张相片和這份表格。"))
                .isEqualTo("请带两张相片和这份表格。");
    }

    @Test
    void englishIsPassedThroughAsItArrives() {
        var guard = languages.scriptGuard(Language.EN);

        assertThat(guard.push("Hello, ")).isEqualTo("Hello, ");
        assertThat(guard.push("这是 這是 \uD83D")).isEqualTo("这是 這是 \uD83D");
        assertThat(guard.push("\uDE00")).isEqualTo("\uDE00");
        assertThat(guard.finish()).isEmpty();
    }

    @Test
    void holdsBackOnlyTheHanRunThatMayStillGrow() {
        var guard = languages.scriptGuard(Language.ZH_HANS);

        assertThat(guard.push("你好，我想")).isEqualTo("你好，");
        assertThat(guard.push("續領")).isEmpty();
        assertThat(guard.push("護照 ")).isEqualTo("我想续领护照 ");
        assertThat(guard.push("Hi \uD83D")).isEqualTo("Hi ");
        assertThat(guard.push("\uDE00")).isEqualTo("\uD83D\uDE00");
        assertThat(guard.push("請")).isEmpty();
        assertThat(guard.finish()).isEqualTo("请");
        assertThat(guard.finish()).isEmpty();
    }

    @Test
    void aLongRunWithoutPunctuationIsReleasedEvery32Characters() {
        var guard = languages.scriptGuard(Language.ZH_HANT);
        var run = "这".repeat(100);

        var shown = guard.push(run);

        assertThat(shown).isEqualTo("這".repeat(96));
        assertThat(guard.finish()).isEqualTo("這".repeat(4));
    }

    @Test
    void nullAndEmptyDeltasAreIgnored() {
        var guard = languages.scriptGuard(Language.ZH_HANT);

        assertThat(guard.push(null)).isEmpty();
        assertThat(guard.push("")).isEmpty();
        assertThat(guard.finish()).isEmpty();
    }

    static final List<String> SPLIT_SAMPLES = List.of(
            String.join("", TRADITIONAL_ANSWER),
            String.join("", SIMPLIFIED_ANSWER),
            String.join("", SIMPLIFIED_CANTONESE_ANSWER),
            "头发和发展，后来的皇后在里面见面；干净的干部。一只狗只有一个面条。",
            "这".repeat(40) + "頭髮" + "们".repeat(31) + "后来",
            "Renew online at https://www.gov.hk 😀 或者喺网上办理，然后等候通知。",
            "唔该晒！佢哋嘅办事处喺𨋢旁边，你睇吓啦。");

    @ParameterizedTest
    @EnumSource(Language.class)
    void splittingTheStreamAnywhereNeverChangesTheResult(Language language) {
        for (var text : SPLIT_SAMPLES) {
            var whole = inOnePiece(languages.scriptGuard(language), text);
            for (int at = 0; at <= text.length(); at++) {
                var guard = languages.scriptGuard(language);
                var split = guard.push(text.substring(0, at)) + guard.push(text.substring(at)) + guard.finish();
                assertThat(split).as("%s split at %d of %s", language, at, text).isEqualTo(whole);
            }
            assertThat(stream(languages.scriptGuard(language), chars(text)))
                    .as("%s one UTF-16 unit at a time: %s", language, text)
                    .isEqualTo(whole);
            var random = new Random(text.hashCode());
            for (int trial = 0; trial < 50; trial++) {
                assertThat(stream(languages.scriptGuard(language), randomChunks(text, random)))
                        .as("%s random chunks of %s", language, text)
                        .isEqualTo(whole);
            }
        }
    }

    private static List<String> chars(String text) {
        return text.chars().mapToObj(c -> String.valueOf((char) c)).toList();
    }

    private static List<String> randomChunks(String text, Random random) {
        var chunks = new ArrayList<String>();
        int at = 0;
        while (at < text.length()) {
            int next = Math.min(text.length(), at + 1 + random.nextInt(6));
            chunks.add(text.substring(at, next));
            at = next;
        }
        return chunks;
    }
}
