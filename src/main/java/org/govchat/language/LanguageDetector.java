package org.govchat.language;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.UnicodeSet;
import java.util.regex.Pattern;

/**
 * Tells English, written Cantonese and standard Chinese in either script apart, in three steps:
 *
 * <ol>
 *   <li><b>Chinese or English.</b> Han characters are weighed against Latin words: a Chinese word
 *       is about one and a half characters long, so the text is Chinese when it has at least 1.5
 *       Han characters per English word. Web and e-mail addresses, digits, codes such as IR56B or
 *       A1234567, emoji and punctuation count for nothing. Code-switched Cantonese ("我嘅tax return submit咗未？") stays Chinese
 *       with as little as one Han character per two English words when it has Cantonese feature
 *       words; an English sentence naming an office in Chinese ("Is the 入境事務處 open on
 *       Sundays?") stays English.
 *   <li><b>Which script.</b> Characters that only Simplified or only Traditional writes are
 *       counted ({@link ChineseScripts}); the majority wins. Text with no such character (你好) is
 *       read as Traditional, the city's own script, with a confidence of at most 0.5 unless it is
 *       Cantonese.
 *   <li><b>Cantonese or standard Chinese</b>, for Traditional text: Cantonese feature words are
 *       weighed against standard-Chinese ones ({@link FeatureLexicon}). Cantonese wins when it has
 *       any evidence and at least as much as standard Chinese; Traditional text without Cantonese
 *       features is {@code zh-Hant}.
 * </ol>
 *
 * <p><b>Cantonese written in Simplified characters is labelled {@code zh-Hans}.</b> There is no
 * Simplified Cantonese reply variety, and someone who writes Simplified characters has been schooled
 * in standard written Chinese in that script: answering in standard Simplified Chinese keeps the
 * script they read, whereas {@code yue-Hant} would switch them to Traditional characters. Its
 * Cantonese features still count as Chinese evidence in code-switched text. See
 * {@code docs/adr/0002-language-detection.md}.
 *
 * <p>When nothing in the text is evidence of any language (empty, emoji, digits, a bare link, or a
 * script we do not answer in such as Japanese kana or Hangul), the result is English with confidence
 * 0: callers should then prefer a language they already know, such as the conversation's.
 *
 * <p>The confidence is a heuristic in [0, 1], not a calibrated probability: the weakest of the
 * decisions above, each scored by how one-sided its evidence was (0.5 for none or a tie).
 * Standard Chinese without script evidence therefore never scores above 0.5.
 */
final class LanguageDetector {

    /** Longer texts are judged on their beginning, which keeps the cost bounded. */
    static final int MAX_ANALYSED_CHARS = 8_192;

    private static final Pattern ADDRESS =
            Pattern.compile("(?i)(?:https?://|www\\.)[a-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=%]+"
                    + "|[a-z0-9._%+\\-]+@[a-z0-9\\-]+(?:\\.[a-z0-9\\-]+)+");

    private static final double CANTONESE_WITHOUT_SCRIPT_EVIDENCE = 0.8;

    /** Feature weight from which Cantonese keeps code-switched text Chinese. */
    private static final int CODE_SWITCHING_EVIDENCE = 2;

    private final UnicodeSet simplifiedOnly;
    private final UnicodeSet traditionalOnly;
    private final FeatureLexicon features;

    LanguageDetector(ChineseScripts scripts, FeatureLexicon features) {
        this.simplifiedOnly = scripts.simplifiedOnly();
        this.traditionalOnly = scripts.traditionalOnly();
        this.features = features;
    }

    DetectedLanguage detect(String text) {
        if (text == null || text.isEmpty()) {
            return noEvidence();
        }
        int limit = Math.min(text.length(), MAX_ANALYSED_CHARS);
        var counts = count(text, limit);
        if (counts.han == 0 && counts.latinWords == 0 || counts.otherLetters > counts.han + counts.latinWords) {
            return noEvidence();
        }
        var score = counts.han == 0 ? new FeatureLexicon.Score(0, 0) : features.score(text, limit);
        boolean chinese = 2 * counts.han >= 3 * counts.latinWords
                || score.cantonese() >= CODE_SWITCHING_EVIDENCE && 2 * counts.han >= counts.latinWords;
        if (!chinese) {
            double share = (double) counts.latinWords / (counts.latinWords + counts.han);
            double amount = Math.max(counts.latinWords / (counts.latinWords + 1.0), 0.5);
            return result(Language.EN, Math.min(share, amount));
        }
        double share = (double) counts.han / (counts.han + counts.latinWords);
        int simplified = counts.simplified;
        int traditional = counts.traditional;
        double script = simplified + traditional == 0 ? 0.5 : oneSided(simplified, traditional);
        if (simplified > traditional) {
            return result(Language.ZH_HANS, Math.min(share, script));
        }
        int cantonese = score.cantonese();
        int standard = score.standard();
        double variety = oneSided(cantonese, standard);
        if (cantonese > 0 && cantonese >= standard) {
            // written Cantonese is nearly always Traditional here, so its script is less in doubt
            double cantoneseScript = simplified + traditional == 0 ? CANTONESE_WITHOUT_SCRIPT_EVIDENCE : script;
            return result(Language.YUE_HANT, min(share, cantoneseScript, variety));
        }
        return result(Language.ZH_HANT, min(share, script, variety));
    }

    /** How one-sided two amounts of evidence are: 0.5 for none or a tie, towards 1 as one side grows. */
    private static double oneSided(int a, int b) {
        return (Math.max(a, b) + 1.0) / (a + b + 2.0);
    }

    private static double min(double a, double b, double c) {
        return Math.min(a, Math.min(b, c));
    }

    private static final class Counts {
        int han;
        int simplified;
        int traditional;
        int latinWords;
        int otherLetters;
    }

    private Counts count(String text, int limit) {
        var counts = new Counts();
        var addresses = mightContainAddress(text, limit) ? ADDRESS.matcher(text).region(0, limit) : null;
        int addressStart = -1;
        int addressEnd = -1;
        if (addresses != null && addresses.find()) {
            addressStart = addresses.start();
            addressEnd = addresses.end();
        }
        var word = new LatinWord();
        int i = 0;
        while (i < limit) {
            if (addressStart >= 0 && i >= addressStart) {
                i = Math.max(i, addressEnd);
                word.end(counts, false);
                word.afterDigit = false;
                addressStart = -1;
                if (addresses.find()) {
                    addressStart = addresses.start();
                    addressEnd = addresses.end();
                }
                continue;
            }
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            int script = UScript.getScript(codePoint);
            boolean digit = UCharacter.isDigit(codePoint);
            if (script == UScript.HAN) {
                word.end(counts, false);
                counts.han++;
                if (simplifiedOnly.contains(codePoint)) {
                    counts.simplified++;
                } else if (traditionalOnly.contains(codePoint)) {
                    counts.traditional++;
                }
            } else if (script == UScript.LATIN && UCharacter.isLetter(codePoint)) {
                word.letter();
            } else if (word.open && (codePoint == '\'' || codePoint == '’')) {
                // don't, I'm: one word
            } else {
                word.end(counts, digit);
                if (UCharacter.isLetter(codePoint)) {
                    counts.otherLetters++;
                }
            }
            word.afterDigit = digit;
        }
        word.end(counts, false);
        return counts;
    }

    /**
     * A run of Latin letters is a word unless it touches a digit: IR56B, A1234567 and H5 are codes and
     * references, not English.
     */
    private static final class LatinWord {
        boolean open;
        boolean afterDigit;
        private boolean touchesDigit;

        void letter() {
            if (!open) {
                open = true;
                touchesDigit = afterDigit;
            }
        }

        void end(Counts counts, boolean digitFollows) {
            if (open && !touchesDigit && !digitFollows) {
                counts.latinWords++;
            }
            open = false;
        }
    }

    private static boolean mightContainAddress(String text, int limit) {
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '@' || c == '/' || c == '.' && i > 2 && text.regionMatches(true, i - 3, "www", 0, 3)) {
                return true;
            }
        }
        return false;
    }

    private static DetectedLanguage noEvidence() {
        return new DetectedLanguage(Language.EN, 0.0);
    }

    private static DetectedLanguage result(Language language, double confidence) {
        return new DetectedLanguage(language, Math.round(confidence * 1000) / 1000.0);
    }
}
