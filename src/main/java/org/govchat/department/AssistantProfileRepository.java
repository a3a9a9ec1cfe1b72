package org.govchat.department;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AssistantProfileRepository extends JpaRepository<AssistantProfile, Long> {

    Optional<AssistantProfile> findByDepartmentIdAndActiveTrue(String departmentId);

    List<AssistantProfile> findByDepartmentIdInAndActiveTrue(List<String> departmentIds);
}
