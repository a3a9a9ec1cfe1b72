package org.govchat.chat;

import java.util.Locale;
import org.govchat.language.DetectedLanguage;
import org.govchat.language.Language;
import org.govchat.platform.i18n.CitizenLocales;
import org.springframework.stereotype.Component;

/**
 * Step 2 of a turn: the language to answer in. A question that shows its language decides; one that
 * does not ("ok", "👍", "好的") keeps the conversation's language, or else follows the interface the
 * citizen reads.
 */
@Component
class ReplyLanguage {

    /** Below this, detection is a guess rather than evidence. */
    static final double EVIDENCE = 0.6;

    Language choose(DetectedLanguage detected, String conversationLanguage, Locale interfaceLocale) {
        if (detected.confidence() >= EVIDENCE) {
            return detected.language();
        }
        var previous = conversationLanguage == null ? null : Language.fromTag(conversationLanguage);
        var noEvidence = detected.confidence() == 0;
        if (noEvidence) {
            return previous != null ? previous : fromInterface(interfaceLocale);
        }
        // Chinese whose script is not evident: stay with the conversation's Chinese, else the interface's script
        if (previous != null && previous != Language.EN) {
            return previous;
        }
        var ui = CitizenLocales.toSupported(interfaceLocale);
        return CitizenLocales.SIMPLIFIED_CHINESE.equals(ui) ? Language.ZH_HANS : detected.language();
    }

    private static Language fromInterface(Locale locale) {
        var supported = CitizenLocales.toSupported(locale);
        if (CitizenLocales.TRADITIONAL_CHINESE.equals(supported)) {
            return Language.ZH_HANT;
        }
        if (CitizenLocales.SIMPLIFIED_CHINESE.equals(supported)) {
            return Language.ZH_HANS;
        }
        return Language.EN;
    }
}
