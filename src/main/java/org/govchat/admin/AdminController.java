package org.govchat.admin;

import java.util.List;
import java.util.Set;
import org.govchat.department.AssistantProfileView;
import org.govchat.department.DepartmentView;
import org.govchat.department.LocalizedText;
import org.govchat.identity.Officer;
import org.govchat.identity.OfficerRole;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin")
class AdminController {

    private final DepartmentAdministration departments;

    AdminController(DepartmentAdministration departments) {
        this.departments = departments;
    }

    record Me(
            String displayName,
            String username,
            String email,
            Set<OfficerRole> roles,
            boolean everyDepartment,
            List<DepartmentSummary> departments) {}

    record DepartmentSummary(String id, LocalizedText names, boolean available) {
        static DepartmentSummary of(DepartmentView view) {
            return new DepartmentSummary(view.id(), view.names(), view.available());
        }
    }

    record DepartmentDetail(
            String id, LocalizedText names, boolean available, int retentionDays, AssistantProfileView activeProfile) {}

    /** Who is signed in, and which departments they administer. */
    @GetMapping("/me")
    Me me(Officer officer) {
        return new Me(
                officer.displayName(),
                officer.username(),
                officer.email(),
                officer.roles(),
                officer.isPlatformAdmin(),
                departments.administered().stream().map(DepartmentSummary::of).toList());
    }

    @GetMapping("/departments")
    List<DepartmentSummary> departments() {
        return departments.administered().stream().map(DepartmentSummary::of).toList();
    }

    @GetMapping("/departments/{departmentId}")
    DepartmentDetail department(@PathVariable String departmentId) {
        var administered = departments.get(departmentId);
        var department = administered.department();
        return new DepartmentDetail(
                department.id(),
                department.names(),
                department.available(),
                department.retentionDays(),
                administered.activeProfile());
    }
}
