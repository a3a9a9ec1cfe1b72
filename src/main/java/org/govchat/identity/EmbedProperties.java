package org.govchat.identity;

import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the citizen chat may be embedded.
 *
 * @param allowedOrigins origins whose pages may frame {@code /embed/**} (CSP {@code frame-ancestors}), e.g.
 *     {@code https://www.city.example}; empty: nobody may frame it
 */
@ConfigurationProperties("govchat.embed")
record EmbedProperties(List<String> allowedOrigins) {

    private static final Pattern ORIGIN = Pattern.compile("https?://(\\*\\.)?[A-Za-z0-9.-]+(:[0-9]{1,5})?");

    EmbedProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        for (var origin : allowedOrigins) {
            // the value goes into a response header: nothing but a plain origin may pass
            if (!ORIGIN.matcher(origin).matches()) {
                throw new IllegalArgumentException("govchat.embed.allowed-origins: '" + origin
                        + "' is not an origin like https://www.city.example");
            }
        }
    }
}
