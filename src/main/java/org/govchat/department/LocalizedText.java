package org.govchat.department;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import org.govchat.platform.i18n.CitizenLocales;

/** One text in the three written languages of the platform. */
public record LocalizedText(
        @JsonProperty("en") String en,
        @JsonProperty("zh-Hant") String zhHant,
        @JsonProperty("zh-Hans") String zhHans) {

    /** The text for a locale; Traditional for Hong Kong/Taiwan/Cantonese, Simplified for other Chinese. */
    public String in(Locale locale) {
        var supported = CitizenLocales.toSupported(locale);
        if (CitizenLocales.TRADITIONAL_CHINESE.equals(supported)) {
            return zhHant;
        }
        if (CitizenLocales.SIMPLIFIED_CHINESE.equals(supported)) {
            return zhHans;
        }
        return en;
    }
}
