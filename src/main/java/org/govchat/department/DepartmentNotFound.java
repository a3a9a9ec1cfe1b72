package org.govchat.department;

import org.govchat.platform.web.TranslatedProblem;
import org.springframework.http.HttpStatus;

/** An unknown department id, or one the caller may not see: both answer the same 404. */
public class DepartmentNotFound extends TranslatedProblem {

    public DepartmentNotFound(String departmentId) {
        super(HttpStatus.NOT_FOUND, "department-not-found", "Department not found", departmentId);
    }
}
