package org.govchat.identity;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.util.StringUtils;

/** Turns the claims of an ID token (and user info) into an {@link Officer}, as configured. */
final class OfficerClaims {

    private static final String DEPARTMENT = "{department}";
    private static final String DEPARTMENT_ID = "([a-z0-9][a-z0-9-]{0,63})";

    private final IdentityProperties.Claims config;
    private final Pattern adminGroup;
    private final Pattern staffGroup;

    OfficerClaims(IdentityProperties.Claims config) {
        this.config = config;
        this.adminGroup = template(config.departmentAdminGroup());
        this.staffGroup = template(config.departmentStaffGroup());
    }

    Officer officer(String subject, Map<String, Object> claims) {
        var roles = EnumSet.noneOf(OfficerRole.class);
        var administered = new TreeSet<String>();
        var staffed = new TreeSet<String>();
        for (var group : strings(claims.get(config.groups()))) {
            if (config.platformAdminGroups().contains(group)) {
                roles.add(OfficerRole.PLATFORM_ADMIN);
            }
            var admin = adminGroup.matcher(group);
            if (admin.matches()) {
                roles.add(OfficerRole.DEPT_ADMIN);
                administered.add(admin.group(1));
            }
            var staff = staffGroup.matcher(group);
            if (staff.matches()) {
                roles.add(OfficerRole.STAFF);
                staffed.add(staff.group(1));
            }
        }
        for (var role : strings(claims.get(config.roles()))) {
            if (role.equals(config.platformAdminRole())) {
                roles.add(OfficerRole.PLATFORM_ADMIN);
            } else if (role.equals(config.departmentAdminRole())) {
                roles.add(OfficerRole.DEPT_ADMIN);
            } else if (role.equals(config.staffRole())) {
                roles.add(OfficerRole.STAFF);
            }
        }
        var username = text(claims, config.username()).orElse(subject);
        return new Officer(
                subject,
                username,
                displayName(claims).orElse(username),
                text(claims, "email").orElse(null),
                roles,
                administered,
                staffed);
    }

    /** The sign-in name in the claims, for an audit row about a refused sign-in. */
    String username(Map<String, Object> claims, String fallback) {
        return text(claims, config.username()).orElse(fallback);
    }

    private static Optional<String> displayName(Map<String, Object> claims) {
        var name = text(claims, "name");
        if (name.isPresent()) {
            return name;
        }
        var given = text(claims, "given_name").orElse("");
        var family = text(claims, "family_name").orElse("");
        var joined = (given + " " + family).strip();
        return joined.isEmpty() ? Optional.empty() : Optional.of(joined);
    }

    private static Optional<String> text(Map<String, Object> claims, String name) {
        return claims.get(name) instanceof String value && StringUtils.hasText(value)
                ? Optional.of(value.strip())
                : Optional.empty();
    }

    /** A claim holding a list of strings, or one string (some providers send a single group that way). */
    private static Set<String> strings(Object claim) {
        var values = new LinkedHashSet<String>();
        if (claim instanceof Collection<?> collection) {
            collection.forEach(value -> {
                if (value instanceof String text) {
                    values.add(text);
                }
            });
        } else if (claim instanceof String text) {
            values.add(text);
        }
        return values;
    }

    private static Pattern template(String template) {
        var at = template.indexOf(DEPARTMENT);
        if (at < 0) {
            throw new IllegalArgumentException("A department group template needs " + DEPARTMENT + ": " + template);
        }
        return Pattern.compile(Pattern.quote(template.substring(0, at))
                + DEPARTMENT_ID
                + Pattern.quote(template.substring(at + DEPARTMENT.length())));
    }
}
