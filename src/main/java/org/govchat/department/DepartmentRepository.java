package org.govchat.department;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface DepartmentRepository extends JpaRepository<Department, String> {

    List<Department> findAllByOrderByNameEnAsc();
}
