package org.govchat.language;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Transliterator;
import com.ibm.icu.text.UnicodeSet;
import com.ibm.icu.util.LocaleData;
import com.ibm.icu.util.ULocale;

/**
 * What ICU knows about the two Chinese scripts, reduced to what detection and conversion need.
 *
 * <p>A character is evidence of one script when ICU's transliterator into the other script changes
 * it when it stands alone, unless the other script writes it too, which is the case when ICU's
 * conversion produces it and CLDR lists it among that script's exemplar characters. 这, 们 and 发
 * are therefore Simplified-only and 這, 們 and 後 Traditional-only, while 干, 后, 里, 只, 面 and 台,
 * which both scripts write, are evidence of neither. No character table is written by hand, with
 * one exception: {@link #KEPT_IN_TRADITIONAL}.
 *
 * <p>Built once per JVM (compiling ICU's conversion rules takes a few hundred milliseconds); the
 * sets are frozen and safe to share. Transliterators are not thread-safe, so each caller asks for
 * its own.
 */
final class ChineseScripts {

    static final String SIMPLIFIED_TO_TRADITIONAL = "Hans-Hant";
    static final String TRADITIONAL_TO_SIMPLIFIED = "Hant-Hans";

    /**
     * Written Cantonese uses these characters as they are in Traditional text (睇吓 "have a look",
     * 唔該晒 "thanks a lot"), but ICU's Simplified-to-Traditional rules would turn them into 嚇 and 曬,
     * which mean something else. They are never converted to Traditional and never count as evidence
     * of Simplified script.
     */
    static final UnicodeSet KEPT_IN_TRADITIONAL = new UnicodeSet("[吓晒]").freeze();

    private static final UnicodeSet HAN = new UnicodeSet("[:Han:]").freeze();

    private static final class Holder {
        static final ChineseScripts INSTANCE = new ChineseScripts();
    }

    private final UnicodeSet simplifiedOnly;
    private final UnicodeSet traditionalOnly;
    private final UnicodeSet usedInSimplified;

    private ChineseScripts() {
        usedInSimplified = exemplars("zh").freeze();
        var toTraditional = Transliterator.getInstance(SIMPLIFIED_TO_TRADITIONAL);
        var toSimplified = Transliterator.getInstance(TRADITIONAL_TO_SIMPLIFIED);
        simplifiedOnly = changedWhenAlone(toTraditional)
                .removeAll(sharedWith(toTraditional, exemplars("zh_Hant").addAll(exemplars("zh_Hant_HK"))))
                .removeAll(KEPT_IN_TRADITIONAL)
                .freeze();
        traditionalOnly = changedWhenAlone(toSimplified)
                .removeAll(sharedWith(toSimplified, usedInSimplified))
                .freeze();
    }

    static ChineseScripts get() {
        return Holder.INSTANCE;
    }

    /** Characters that only Simplified Chinese writes (这 们 个 发 …). */
    UnicodeSet simplifiedOnly() {
        return simplifiedOnly;
    }

    /** Characters that only Traditional Chinese writes (這 們 個 後 …). */
    UnicodeSet traditionalOnly() {
        return traditionalOnly;
    }

    /** Characters CLDR lists as used in Simplified Chinese writing. */
    UnicodeSet usedInSimplified() {
        return usedInSimplified;
    }

    static boolean isHan(int codePoint) {
        return UScript.getScript(codePoint) == UScript.HAN;
    }

    /** A fresh transliterator: ICU transliterators must not be shared between threads. */
    static Transliterator transliterator(String id) {
        return Transliterator.getInstance(id);
    }

    private static UnicodeSet changedWhenAlone(Transliterator transliterator) {
        var changed = new UnicodeSet();
        for (String character : new UnicodeSet(transliterator.getSourceSet()).retainAll(HAN)) {
            if (!transliterator.transliterate(character).equals(character)) {
                changed.add(character);
            }
        }
        return changed;
    }

    /**
     * Characters the target script writes too: ICU produces them when converting into it (皇后 stays
     * 皇后) and CLDR lists them among its exemplar characters. Either source alone is too generous:
     * CLDR's Traditional set also lists 网 and 么, and ICU's Traditional output also contains 发.
     */
    private static UnicodeSet sharedWith(Transliterator intoTarget, UnicodeSet targetExemplars) {
        return new UnicodeSet(intoTarget.getTargetSet()).retainAll(targetExemplars);
    }

    private static UnicodeSet exemplars(String locale) {
        var uLocale = new ULocale(locale);
        return new UnicodeSet(LocaleData.getExemplarSet(uLocale, 0, LocaleData.ES_STANDARD))
                .addAll(LocaleData.getExemplarSet(uLocale, 0, LocaleData.ES_AUXILIARY));
    }
}
