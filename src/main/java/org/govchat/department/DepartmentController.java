package org.govchat.department;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/departments")
class DepartmentController {

    private final DepartmentCatalog catalog;

    DepartmentController(DepartmentCatalog catalog) {
        this.catalog = catalog;
    }

    /** @param retentionDays how long citizens' conversations with this department are kept */
    record DepartmentDto(String id, LocalizedText names, LocalizedText greeting, boolean available, int retentionDays) {
        static DepartmentDto of(DepartmentView view) {
            return new DepartmentDto(view.id(), view.names(), view.greeting(), view.available(), view.retentionDays());
        }
    }

    @GetMapping
    List<DepartmentDto> list() {
        return catalog.all().stream().map(DepartmentDto::of).toList();
    }

    @GetMapping("/{departmentId}")
    DepartmentDto get(@PathVariable String departmentId) {
        return DepartmentDto.of(catalog.get(departmentId));
    }
}
