package org.govchat.department;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AssistantProfileRepository extends JpaRepository<AssistantProfile, Long> {

    Optional<AssistantProfile> findByDepartmentIdAndActiveTrue(String departmentId);

    List<AssistantProfile> findByDepartmentIdInAndActiveTrue(List<String> departmentIds);

    List<AssistantProfile> findByDepartmentIdOrderByVersionDesc(String departmentId);

    Optional<AssistantProfile> findByDepartmentIdAndVersion(String departmentId, int version);

    @Query("select coalesce(max(p.version), 0) from AssistantProfile p where p.departmentId = :departmentId")
    int findMaxVersion(@Param("departmentId") String departmentId);
}
