package org.govchat.identity;

import org.springframework.stereotype.Component;

/**
 * Which departments an officer may see, for checks in services and filters in queries. Anything outside
 * the scope must look exactly like something that does not exist (404), never like a refusal.
 *
 * <ul>
 *   <li>administered: platform admins every department; department admins their own; nobody else any
 *   <li>served (citizen conversations in the staff portal): platform admins every department; officers
 *       and department admins their own departments
 * </ul>
 */
@Component
public class DepartmentAccess {

    private final Officers officers;

    DepartmentAccess(Officers officers) {
        this.officers = officers;
    }

    /** The departments the current officer administers (none without one). */
    public DepartmentScope administered() {
        return officers.current().map(DepartmentAccess::administeredBy).orElse(DepartmentScope.none());
    }

    /** The departments whose citizen conversations the current officer may open (none without one). */
    public DepartmentScope served() {
        return officers.current().map(DepartmentAccess::servedBy).orElse(DepartmentScope.none());
    }

    public boolean mayAdminister(String departmentId) {
        return administered().includes(departmentId);
    }

    public boolean mayServe(String departmentId) {
        return served().includes(departmentId);
    }

    public static DepartmentScope administeredBy(Officer officer) {
        if (officer.isPlatformAdmin()) {
            return DepartmentScope.every();
        }
        return officer.hasRole(OfficerRole.DEPT_ADMIN)
                ? DepartmentScope.of(officer.administeredDepartments())
                : DepartmentScope.none();
    }

    public static DepartmentScope servedBy(Officer officer) {
        if (officer.isPlatformAdmin()) {
            return DepartmentScope.every();
        }
        var departments = new java.util.TreeSet<String>();
        if (officer.hasRole(OfficerRole.STAFF)) {
            departments.addAll(officer.staffedDepartments());
        }
        if (officer.hasRole(OfficerRole.DEPT_ADMIN)) {
            departments.addAll(officer.administeredDepartments());
        }
        return DepartmentScope.of(departments);
    }
}
