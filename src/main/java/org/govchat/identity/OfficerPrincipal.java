package org.govchat.identity;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * The OIDC user kept in the (JDBC) session, carrying the officer mapped once at sign-in. Its authorities
 * are {@code ROLE_<role>} for URL rules and {@code DEPARTMENT_ADMIN:<id>} / {@code DEPARTMENT_STAFF:<id>}
 * for anyone reading them.
 */
final class OfficerPrincipal extends DefaultOidcUser {

    private final Officer officer;

    OfficerPrincipal(Officer officer, OidcIdToken idToken, OidcUserInfo userInfo) {
        super(authorities(officer), idToken, userInfo);
        this.officer = officer;
    }

    Officer officer() {
        return officer;
    }

    @Override
    public String getName() {
        return officer.username();
    }

    private static List<GrantedAuthority> authorities(Officer officer) {
        var authorities = new ArrayList<GrantedAuthority>();
        officer.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
        officer.administeredDepartments()
                .forEach(id -> authorities.add(new SimpleGrantedAuthority("DEPARTMENT_ADMIN:" + id)));
        officer.staffedDepartments()
                .forEach(id -> authorities.add(new SimpleGrantedAuthority("DEPARTMENT_STAFF:" + id)));
        return authorities;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OfficerPrincipal that && super.equals(that) && officer.equals(that.officer);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
