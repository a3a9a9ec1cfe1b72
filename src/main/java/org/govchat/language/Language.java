package org.govchat.language;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import org.govchat.platform.i18n.CitizenLocales;

/** The written varieties the platform tells apart and answers in. */
public enum Language {
    EN("en", CitizenLocales.ENGLISH),
    /** Written Cantonese (嘅 係 唔 咗 冇 …), Traditional script. */
    YUE_HANT("yue-Hant", CitizenLocales.TRADITIONAL_CHINESE),
    /** Standard written Chinese in Traditional script. */
    ZH_HANT("zh-Hant", CitizenLocales.TRADITIONAL_CHINESE),
    /** Simplified Chinese. */
    ZH_HANS("zh-Hans", CitizenLocales.SIMPLIFIED_CHINESE);

    private final String tag;
    private final Locale uiLocale;

    Language(String tag, Locale uiLocale) {
        this.tag = tag;
        this.uiLocale = uiLocale;
    }

    /** The BCP 47 tag used in the API and the database ({@code en}, {@code yue-Hant} …). */
    @JsonValue
    public String tag() {
        return tag;
    }

    /** The locale of system messages for someone writing this variety. */
    public Locale uiLocale() {
        return uiLocale;
    }

    public boolean traditionalScript() {
        return this == YUE_HANT || this == ZH_HANT;
    }

    @JsonCreator
    public static Language fromTag(String tag) {
        return Arrays.stream(values())
                .filter(l -> l.tag.equalsIgnoreCase(tag))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown language " + tag));
    }
}
