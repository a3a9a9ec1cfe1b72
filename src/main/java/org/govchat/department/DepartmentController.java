package org.govchat.department;

import java.util.List;
import org.govchat.model.ModelGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/departments")
class DepartmentController {

    private final DepartmentCatalog catalog;
    private final ModelGateway models;

    DepartmentController(DepartmentCatalog catalog, ModelGateway models) {
        this.catalog = catalog;
        this.models = models;
    }

    /**
     * @param available citizens can chat now: switched on and at least one of its model backends is up
     * @param unavailableReason why not: {@code switched-off} or {@code backend-down}; {@code null} when available
     * @param retentionDays how long citizens' conversations with this department are kept
     * @param handoffAvailable citizens can ask to talk to an officer in the chat
     */
    record DepartmentDto(
            String id,
            LocalizedText names,
            LocalizedText greeting,
            boolean available,
            String unavailableReason,
            int retentionDays,
            boolean handoffAvailable) {}

    @GetMapping
    List<DepartmentDto> list() {
        return catalog.all().stream().map(this::toDto).toList();
    }

    @GetMapping("/{departmentId}")
    DepartmentDto get(@PathVariable String departmentId) {
        return toDto(catalog.get(departmentId));
    }

    private DepartmentDto toDto(DepartmentView view) {
        String reason = null;
        if (!view.available()) {
            reason = "switched-off";
        } else if (view.backends().stream().noneMatch(models::isUsable)) {
            reason = "backend-down";
        }
        var profile = activeProfile(view.id());
        return new DepartmentDto(
                view.id(),
                view.names(),
                view.greeting(),
                reason == null,
                reason,
                view.retentionDays(),
                profile != null && profile.handoffEnabled());
    }

    private AssistantProfileView activeProfile(String departmentId) {
        try {
            return catalog.activeProfile(departmentId);
        } catch (DepartmentNotFound noActiveProfile) {
            return null;
        }
    }
}
