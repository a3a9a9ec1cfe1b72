package org.govchat.identity;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;

/**
 * The one OIDC client registration, discovered from the provider on first use rather than at start-up:
 * the application starts (and serves citizens) while the provider is still starting or briefly away.
 *
 * <p>When the application reaches the provider under another address than browsers do
 * ({@code backchannel-uri}), discovery is read from there, its issuer must still be {@code issuer-uri}, and
 * the endpoints this application calls itself (token, keys, user info) are moved to the backchannel
 * address; the ones browsers visit (authorization, end session) stay as published.
 */
final class OidcClientRegistrations implements ClientRegistrationRepository {

    static final String REGISTRATION_ID = "sso";
    private static final Logger log = LoggerFactory.getLogger(OidcClientRegistrations.class);
    private static final List<String> BACKCHANNEL_ENDPOINTS =
            List.of("token_endpoint", "jwks_uri", "userinfo_endpoint", "introspection_endpoint", "revocation_endpoint");

    private final IdentityProperties.Oidc oidc;
    private final RestClient http;
    private volatile ClientRegistration registration;

    OidcClientRegistrations(IdentityProperties.Oidc oidc) {
        this.oidc = oidc;
        var requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(3));
        requests.setReadTimeout(Duration.ofSeconds(10));
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!REGISTRATION_ID.equals(registrationId)) {
            return null;
        }
        var current = registration;
        if (current == null) {
            synchronized (this) {
                current = registration;
                if (current == null) {
                    current = discover();
                    registration = current;
                }
            }
        }
        return current;
    }

    private ClientRegistration discover() {
        var issuer = trimSlash(oidc.issuerUri());
        var base = StringUtils.hasText(oidc.backchannelUri()) ? trimSlash(oidc.backchannelUri()) : issuer;
        Map<String, Object> metadata = http.get()
                .uri(base + "/.well-known/openid-configuration")
                .retrieve()
                .body(new ParameterizedTypeReference<>() {});
        if (metadata == null || !issuer.equals(trimSlash(String.valueOf(metadata.get("issuer"))))) {
            throw new IllegalStateException("The OpenID provider at " + base + " names issuer "
                    + (metadata == null ? null : metadata.get("issuer")) + ", not the configured " + issuer);
        }
        var adjusted = new HashMap<>(metadata);
        if (!base.equals(issuer)) {
            var publicOrigin = origin(issuer);
            var backchannelOrigin = origin(base);
            for (var endpoint : BACKCHANNEL_ENDPOINTS) {
                if (adjusted.get(endpoint) instanceof String url && url.startsWith(publicOrigin + "/")) {
                    adjusted.put(endpoint, backchannelOrigin + url.substring(publicOrigin.length()));
                }
            }
        }
        var builder = ClientRegistrations.fromOidcConfiguration(adjusted);
        if (!StringUtils.hasText(oidc.clientSecret())) {
            // a public client: PKCE alone protects the code exchange
            builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        }
        var built = builder.registrationId(REGISTRATION_ID)
                .clientId(oidc.clientId())
                .clientSecret(oidc.clientSecret())
                .scope(oidc.scopes())
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .clientSettings(ClientRegistration.ClientSettings.builder()
                        .requireProofKey(true)
                        .build())
                .build();
        log.info("Staff sign-in through the OpenID provider {}", issuer);
        return built;
    }

    private static String trimSlash(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    private static String origin(String uri) {
        var parsed = URI.create(uri);
        return parsed.getScheme() + "://" + parsed.getRawAuthority();
    }
}
