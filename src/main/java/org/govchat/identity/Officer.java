package org.govchat.identity;

import java.io.Serializable;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * A signed-in officer (staff member or admin) as the rest of the platform sees them.
 *
 * @param subject the provider's stable id for the person ({@code sub})
 * @param username the sign-in name, as shown in the audit trail
 * @param displayName the name to greet them with
 * @param email their e-mail address, if the provider shares it
 * @param roles what they may do
 * @param administeredDepartments departments they administer ({@link OfficerRole#DEPT_ADMIN})
 * @param staffedDepartments departments they serve as an officer ({@link OfficerRole#STAFF})
 */
public record Officer(
        String subject,
        String username,
        String displayName,
        String email,
        Set<OfficerRole> roles,
        Set<String> administeredDepartments,
        Set<String> staffedDepartments)
        implements Serializable {

    public Officer {
        roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
        administeredDepartments = Collections.unmodifiableSortedSet(new TreeSet<>(administeredDepartments));
        staffedDepartments = Collections.unmodifiableSortedSet(new TreeSet<>(staffedDepartments));
    }

    public boolean hasRole(OfficerRole role) {
        return roles.contains(role);
    }

    public boolean isPlatformAdmin() {
        return hasRole(OfficerRole.PLATFORM_ADMIN);
    }

    /** Every department the officer belongs to in any role, sorted. */
    public Set<String> departments() {
        var all = new TreeSet<>(administeredDepartments);
        all.addAll(staffedDepartments);
        return Collections.unmodifiableSortedSet(all);
    }
}
