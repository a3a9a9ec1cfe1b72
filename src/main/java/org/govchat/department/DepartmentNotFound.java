package org.govchat.department;

import org.govchat.platform.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An unknown department id, or one the caller may not see: both answer the same 404. */
public class DepartmentNotFound extends ErrorResponseException {

    public DepartmentNotFound(String departmentId) {
        super(HttpStatus.NOT_FOUND, problem(), null, "problem.department-not-found", new Object[] {departmentId});
    }

    private static ProblemDetail problem() {
        var problem = ProblemDetail.forStatus(HttpStatus.NOT_FOUND);
        problem.setType(ProblemTypes.of("department-not-found"));
        problem.setTitle("Department not found");
        return problem;
    }
}
