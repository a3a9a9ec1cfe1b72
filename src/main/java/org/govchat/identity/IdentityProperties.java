package org.govchat.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * Who may sign in as an officer, how their token claims become roles and departments, and how fast
 * anonymous callers may go.
 *
 * @param oidc the OpenID Connect provider officers sign in with; without an issuer there is no staff sign-in
 * @param claims how token claims map to {@link OfficerRole roles} and departments
 * @param rateLimits limits on citizens' questions and new conversations, shared by all replicas
 * @param metricsToken the bearer token a metrics scraper sends for {@code /actuator/prometheus}; empty: the
 *     metrics are not served to anyone
 */
@ConfigurationProperties("govchat.identity")
@Validated
record IdentityProperties(
        @DefaultValue @Valid Oidc oidc,
        @DefaultValue @Valid Claims claims,
        @DefaultValue @Valid RateLimits rateLimits,
        String metricsToken) {

    /** Whether the request carries the configured metrics token (compared in constant time). */
    boolean isMetricsScraper(HttpServletRequest request) {
        if (!StringUtils.hasText(metricsToken)) {
            return false;
        }
        var header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(
                header.substring(7).strip().getBytes(StandardCharsets.UTF_8),
                metricsToken.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param issuerUri the issuer as browsers reach it and as tokens name it ({@code iss}), e.g.
     *     {@code https://sso.city.example/realms/govchat}; empty: staff sign-in is not configured
     * @param backchannelUri where this application itself reaches the same issuer when that differs from
     *     {@code issuer-uri} (a container network: {@code http://keycloak:8081/realms/govchat}); discovery,
     *     token, key and user-info requests go there, browsers still go to {@code issuer-uri}
     * @param clientId the client registered for govchat at the provider
     * @param clientSecret its secret (a confidential client; PKCE is used as well)
     * @param scopes scopes requested at sign-in
     */
    record Oidc(
            String issuerUri,
            String backchannelUri,
            @DefaultValue("govchat-web") String clientId,
            String clientSecret,
            @DefaultValue({"openid", "profile", "email"}) List<String> scopes) {

        boolean configured() {
            return StringUtils.hasText(issuerUri);
        }
    }

    /**
     * Group templates contain {@code {department}}, which stands for a department id.
     *
     * @param groups the claim listing the officer's groups (Keycloak's group mapper with full paths)
     * @param roles the claim listing role names
     * @param username the claim with the sign-in name shown in the audit trail
     * @param platformAdminGroups groups whose members are platform admins
     * @param departmentAdminGroup the group of a department's admins
     * @param departmentStaffGroup the group of a department's officers
     * @param platformAdminRole the role value that makes a platform admin
     * @param departmentAdminRole the role value that makes a department admin (departments come from groups)
     * @param staffRole the role value that makes an officer (departments come from groups)
     */
    record Claims(
            @DefaultValue("groups") @NotBlank String groups,
            @DefaultValue("roles") @NotBlank String roles,
            @DefaultValue("preferred_username") @NotBlank String username,
            @DefaultValue("/platform-admins") List<String> platformAdminGroups,

            @DefaultValue("/departments/{department}/admins") @NotBlank
            String departmentAdminGroup,

            @DefaultValue("/departments/{department}/staff") @NotBlank
            String departmentStaffGroup,

            @DefaultValue("PLATFORM_ADMIN") String platformAdminRole,
            @DefaultValue("DEPT_ADMIN") String departmentAdminRole,
            @DefaultValue("STAFF") String staffRole) {}

    /**
     * @param enabled switch every limit off (a load test, say)
     * @param questionsPerCitizen questions one anonymous citizen may ask (default 10 a minute)
     * @param questionsPerAddress questions from one client address (default 60 a minute)
     * @param conversationsPerAddress conversations started from one client address (default 20 a minute)
     * @param questionsPerOfficer questions one signed-in officer puts to a model: to their department's
     *     assistant in the staff portal, and to a draft profile in the admin console's playground together
     *     (default 30 a minute), so that no one account can crowd citizens out of the model backends
     */
    record RateLimits(
            @DefaultValue("true") boolean enabled,
            @Valid Limit questionsPerCitizen,
            @Valid Limit questionsPerAddress,
            @Valid Limit conversationsPerAddress,
            @Valid Limit questionsPerOfficer) {

        RateLimits {
            questionsPerCitizen = orDefault(questionsPerCitizen, 10);
            questionsPerAddress = orDefault(questionsPerAddress, 60);
            conversationsPerAddress = orDefault(conversationsPerAddress, 20);
            questionsPerOfficer = orDefault(questionsPerOfficer, 30);
        }

        private static Limit orDefault(Limit limit, int perMinute) {
            return limit != null ? limit : new Limit(perMinute, Duration.ofMinutes(1));
        }
    }

    /**
     * @param capacity how many within one period (and the burst allowed at once)
     * @param period the period over which the capacity refills
     */
    record Limit(@Min(1) int capacity, @DefaultValue("1m") Duration period) {}
}
