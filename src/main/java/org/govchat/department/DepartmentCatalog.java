package org.govchat.department;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The department module's public face: which departments exist and how their assistants are set up. */
@Service
public class DepartmentCatalog {

    private final DepartmentRepository departments;
    private final AssistantProfileRepository profiles;

    DepartmentCatalog(DepartmentRepository departments, AssistantProfileRepository profiles) {
        this.departments = departments;
        this.profiles = profiles;
    }

    @Transactional(readOnly = true)
    public List<DepartmentView> all() {
        return withProfiles(departments.findAllByOrderByNameEnAsc());
    }

    /** The departments with these ids (unknown ids are left out), ordered by English name. */
    @Transactional(readOnly = true)
    public List<DepartmentView> byIds(Collection<String> departmentIds) {
        return departmentIds.isEmpty()
                ? List.of()
                : withProfiles(departments.findByIdInOrderByNameEnAsc(departmentIds));
    }

    private List<DepartmentView> withProfiles(List<Department> all) {
        Map<String, AssistantProfile> active =
                profiles
                        .findByDepartmentIdInAndActiveTrue(
                                all.stream().map(Department::id).toList())
                        .stream()
                        .collect(Collectors.toMap(AssistantProfile::departmentId, Function.identity()));
        return all.stream().map(d -> toView(d, active.get(d.id()))).toList();
    }

    /** @throws DepartmentNotFound when there is no such department */
    @Transactional(readOnly = true)
    public DepartmentView get(String departmentId) {
        var department = departments.findById(departmentId).orElseThrow(() -> new DepartmentNotFound(departmentId));
        return toView(
                department,
                profiles.findByDepartmentIdAndActiveTrue(departmentId).orElse(null));
    }

    /** @throws DepartmentNotFound when there is no such department or it has no active profile */
    @Transactional(readOnly = true)
    public AssistantProfileView activeProfile(String departmentId) {
        return profiles.findByDepartmentIdAndActiveTrue(departmentId)
                .map(AssistantProfile::toView)
                .orElseThrow(() -> new DepartmentNotFound(departmentId));
    }

    private static DepartmentView toView(Department department, AssistantProfile profile) {
        var greeting = profile != null ? profile.greeting() : new LocalizedText("", "", "");
        var backends = new java.util.ArrayList<String>();
        if (profile != null) {
            var view = profile.toView();
            backends.add(view.backendId());
            backends.addAll(view.fallbackBackends());
        }
        return new DepartmentView(
                department.id(),
                department.names(),
                greeting,
                department.active() && profile != null,
                department.retentionDays(),
                List.copyOf(backends));
    }
}
