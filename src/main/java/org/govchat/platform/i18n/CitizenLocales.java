package org.govchat.platform.i18n;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The three languages the platform speaks: English, Traditional Chinese and Simplified Chinese. Any
 * {@code Accept-Language} is folded onto one of them: Hong Kong, Macau and Taiwan Chinese (and
 * Cantonese) read Traditional script, other Chinese reads Simplified, everything else English.
 */
public final class CitizenLocales implements LocaleResolver {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale TRADITIONAL_CHINESE = Locale.forLanguageTag("zh-Hant");
    public static final Locale SIMPLIFIED_CHINESE = Locale.forLanguageTag("zh-Hans");
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, TRADITIONAL_CHINESE, SIMPLIFIED_CHINESE);

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return fromAcceptLanguage(request.getHeader("Accept-Language"));
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("The locale follows the Accept-Language header");
    }

    /** The supported locale for an {@code Accept-Language} header value (English when none fits). */
    public static Locale fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return ENGLISH;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException malformed) {
            return ENGLISH;
        }
        for (var range : ranges) {
            if (range.getWeight() <= 0 || range.getRange().equals("*")) {
                continue;
            }
            var supported = toSupported(Locale.forLanguageTag(range.getRange()));
            if (supported != null) {
                return supported;
            }
        }
        return ENGLISH;
    }

    /**
     * The supported locale for a language tag such as {@code en-GB}, {@code zh-HK}, {@code yue-Hant} or
     * {@code zh-Hans}; {@code null} when the language is neither English nor Chinese.
     */
    public static Locale toSupported(Locale locale) {
        var language = locale.getLanguage();
        if (language.equals("en")) {
            return ENGLISH;
        }
        if (language.equals("yue")) {
            return locale.getScript().equals("Hans") ? SIMPLIFIED_CHINESE : TRADITIONAL_CHINESE;
        }
        if (!language.equals("zh")) {
            return null;
        }
        return switch (locale.getScript()) {
            case "Hant" -> TRADITIONAL_CHINESE;
            case "Hans" -> SIMPLIFIED_CHINESE;
            default ->
                switch (locale.getCountry()) {
                    case "HK", "MO", "TW" -> TRADITIONAL_CHINESE;
                    default -> SIMPLIFIED_CHINESE;
                };
        };
    }
}
