package org.govchat.department;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface DepartmentRepository extends JpaRepository<Department, String> {

    List<Department> findAllByOrderByNameEnAsc();

    List<Department> findByIdInOrderByNameEnAsc(Collection<String> ids);
}
