package org.govchat.language;

import com.ibm.icu.text.Transliterator;
import com.ibm.icu.text.UnicodeSet;

/**
 * Keeps one streamed answer in the asker's Chinese script: a model asked in Traditional Chinese that
 * drifts into Simplified (or the reverse) is corrected while it streams. Feed every delta of the
 * model to {@link #push}, emit and store exactly what it returns, and end with {@link #finish}; the
 * concatenation of all returned pieces is the corrected answer.
 *
 * <p><b>What is converted.</b> The text is cut into segments: each run of Han characters is a
 * segment, cut after every {@value #MAX_SEGMENT_CODE_POINTS} code points; everything else (Latin
 * text, digits, spaces, punctuation, emoji) passes unchanged and ends the run. A segment is converted
 * with ICU's phrase-aware transliterator ({@code Hans-Hant} or {@code Hant-Hans}) when it contains
 * characters of the wrong script and none of the right one. When it contains both, only the
 * wrong-script characters are converted, so that ICU never rewrites characters the model already
 * wrote correctly (ICU would turn a correct 相片 into 像片). A segment written with characters both
 * scripts share (里面, 皇后) is converted only while the answer is drifting, that is when the last
 * segment with evidence was in the wrong script. Cantonese characters stay as they are:
 * 嘅 咗 冇 喺 啲 嚟 are not touched by ICU, and 吓 and 晒 are kept ({@link
 * ChineseScripts#KEPT_IN_TRADITIONAL}).
 *
 * <p><b>What is held back.</b> {@link #push} returns everything up to the last non-Han character
 * received; the Han run after it (at most {@value #MAX_SEGMENT_CODE_POINTS} code points) and a high
 * surrogate still waiting for its pair are held until the run ends, or until {@link #finish}.
 * Because segments depend only on the text, how the text is split into deltas never changes the
 * result.
 *
 * <p>A guard belongs to one generation and one thread at a time; ask {@link LanguageService} for a
 * new one per answer. For English, or any language without a script to keep, it passes text through.
 */
public final class ScriptGuard {

    static final int MAX_SEGMENT_CODE_POINTS = 32;

    private final Conversion conversion;
    private final StringBuilder pending = new StringBuilder();
    private boolean drifting;

    private ScriptGuard(Conversion conversion) {
        this.conversion = conversion;
    }

    static ScriptGuard passThrough() {
        return new ScriptGuard(null);
    }

    /** Corrects Simplified characters into Traditional ones. */
    static ScriptGuard toTraditional(ChineseScripts scripts) {
        var whole = ChineseScripts.transliterator(ChineseScripts.SIMPLIFIED_TO_TRADITIONAL);
        whole.setFilter(
                new UnicodeSet(ChineseScripts.KEPT_IN_TRADITIONAL).complement().freeze());
        var wrongCharactersOnly = ChineseScripts.transliterator(ChineseScripts.SIMPLIFIED_TO_TRADITIONAL);
        wrongCharactersOnly.setFilter(scripts.simplifiedOnly());
        return new ScriptGuard(
                new Conversion(scripts.simplifiedOnly(), scripts.traditionalOnly(), whole, wrongCharactersOnly));
    }

    /** Corrects Traditional characters into Simplified ones. */
    static ScriptGuard toSimplified(ChineseScripts scripts) {
        var whole = ChineseScripts.transliterator(ChineseScripts.TRADITIONAL_TO_SIMPLIFIED);
        var wrongCharactersOnly = ChineseScripts.transliterator(ChineseScripts.TRADITIONAL_TO_SIMPLIFIED);
        wrongCharactersOnly.setFilter(scripts.traditionalOnly());
        return new ScriptGuard(
                new Conversion(scripts.traditionalOnly(), scripts.simplifiedOnly(), whole, wrongCharactersOnly));
    }

    /**
     * Takes the next piece of the model's output and returns the text that can be shown now (possibly
     * empty). A {@code null} delta counts as empty.
     */
    public String push(String delta) {
        if (delta == null || delta.isEmpty()) {
            return "";
        }
        if (conversion == null) {
            return delta;
        }
        pending.append(delta);
        return drain(false);
    }

    /** Returns whatever was held back; call it once the model has finished (or stopped). */
    public String finish() {
        return conversion == null ? "" : drain(true);
    }

    private String drain(boolean end) {
        var ready = new StringBuilder(pending.length());
        int segmentStart = 0;
        int segmentLength = 0;
        int i = 0;
        while (i < pending.length()) {
            if (!end && i + 1 == pending.length() && Character.isHighSurrogate(pending.charAt(i))) {
                break;
            }
            int codePoint = pending.codePointAt(i);
            int next = i + Character.charCount(codePoint);
            if (ChineseScripts.isHan(codePoint)) {
                i = next;
                if (++segmentLength == MAX_SEGMENT_CODE_POINTS) {
                    ready.append(convert(pending.substring(segmentStart, i)));
                    segmentStart = i;
                    segmentLength = 0;
                }
            } else {
                if (segmentLength > 0) {
                    ready.append(convert(pending.substring(segmentStart, i)));
                    segmentLength = 0;
                }
                ready.append(pending, i, next);
                i = next;
                segmentStart = i;
            }
        }
        if (end && segmentLength > 0) {
            ready.append(convert(pending.substring(segmentStart, i)));
            segmentStart = i;
        }
        pending.delete(0, segmentStart);
        return ready.toString();
    }

    private String convert(String segment) {
        int wrong = 0;
        int right = 0;
        for (int i = 0; i < segment.length(); ) {
            int codePoint = segment.codePointAt(i);
            if (conversion.wrongScript().contains(codePoint)) {
                wrong++;
            } else if (conversion.rightScript().contains(codePoint)) {
                right++;
            }
            i += Character.charCount(codePoint);
        }
        if (wrong > 0 && right > 0) {
            return conversion.wrongCharactersOnly().transliterate(segment);
        }
        if (wrong > 0) {
            drifting = true;
        } else if (right > 0) {
            drifting = false;
        }
        return drifting ? conversion.whole().transliterate(segment) : segment;
    }

    /** Characters only the wrong / the right script writes, and ICU transliterators into the right one. */
    private record Conversion(
            UnicodeSet wrongScript, UnicodeSet rightScript, Transliterator whole, Transliterator wrongCharactersOnly) {}
}
