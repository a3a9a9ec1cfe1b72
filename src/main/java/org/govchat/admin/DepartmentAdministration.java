package org.govchat.admin;

import java.util.List;
import org.govchat.department.AssistantProfileView;
import org.govchat.department.DepartmentCatalog;
import org.govchat.department.DepartmentNotFound;
import org.govchat.department.DepartmentView;
import org.govchat.identity.DepartmentAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The departments the signed-in admin administers, and nothing else. */
@Service
class DepartmentAdministration {

    record AdministeredDepartment(DepartmentView department, AssistantProfileView activeProfile) {}

    private final DepartmentCatalog catalog;
    private final DepartmentAccess access;

    DepartmentAdministration(DepartmentCatalog catalog, DepartmentAccess access) {
        this.catalog = catalog;
        this.access = access;
    }

    @Transactional(readOnly = true)
    List<DepartmentView> administered() {
        var scope = access.administered();
        return scope.everyDepartment() ? catalog.all() : catalog.byIds(scope.departmentIds());
    }

    /** @throws DepartmentNotFound when it does not exist or the admin does not administer it (the same 404) */
    @Transactional(readOnly = true)
    AdministeredDepartment get(String departmentId) {
        if (!access.mayAdminister(departmentId)) {
            throw new DepartmentNotFound(departmentId);
        }
        var department = catalog.get(departmentId);
        return new AdministeredDepartment(
                department, department.available() ? catalog.activeProfile(departmentId) : null);
    }
}
