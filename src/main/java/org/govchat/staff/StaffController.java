package org.govchat.staff;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.govchat.conversation.Conversations;
import org.govchat.department.DepartmentCatalog;
import org.govchat.department.LocalizedText;
import org.govchat.identity.DepartmentAccess;
import org.govchat.identity.Officer;
import org.govchat.identity.OfficerRole;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/staff")
@Validated
class StaffController {

    private final DepartmentCatalog catalog;
    private final CitizenConversations conversations;

    StaffController(DepartmentCatalog catalog, CitizenConversations conversations) {
        this.catalog = catalog;
        this.conversations = conversations;
    }

    record Department(String id, LocalizedText names) {}

    record Me(String displayName, String username, Set<OfficerRole> roles, List<Department> departments) {}

    /** Who is signed in, and the departments whose citizens they serve. */
    @GetMapping("/me")
    Me me(Officer officer) {
        var scope = DepartmentAccess.servedBy(officer);
        var served = scope.everyDepartment() ? catalog.all() : catalog.byIds(scope.departmentIds());
        return new Me(
                officer.displayName(),
                officer.username(),
                officer.roles(),
                served.stream().map(d -> new Department(d.id(), d.names())).toList());
    }

    /** Opens a citizen conversation of one of the officer's departments (audited). */
    @GetMapping("/conversations/{id}/messages")
    CitizenConversations.Opened open(
            @PathVariable UUID id,
            @RequestParam(required = false) @Min(1) Integer before,
            @RequestParam(defaultValue = "50") @Min(1) @Max(Conversations.MAX_PAGE) int limit) {
        return conversations.open(id, before, limit);
    }
}
