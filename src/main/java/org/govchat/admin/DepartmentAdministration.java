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
public class DepartmentAdministration {

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
        var department = require(departmentId);
        // a switched-off assistant keeps its profile: the admin edits it while citizens see the banner
        AssistantProfileView profile;
        try {
            profile = catalog.activeProfile(departmentId);
        } catch (DepartmentNotFound noProfile) {
            profile = null;
        }
        return new AdministeredDepartment(department, profile);
    }

    /**
     * The department, if the signed-in admin administers it.
     *
     * @throws DepartmentNotFound when it does not exist or the admin does not administer it (the same 404)
     */
    public DepartmentView require(String departmentId) {
        if (!access.mayAdminister(departmentId)) {
            throw new DepartmentNotFound(departmentId);
        }
        return catalog.get(departmentId);
    }
}
