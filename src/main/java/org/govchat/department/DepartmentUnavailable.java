package org.govchat.department;

import org.govchat.platform.web.TranslatedProblem;
import org.springframework.http.HttpStatus;

/** The department's assistant is switched off (kill switch): 503 with a translated explanation. */
public class DepartmentUnavailable extends TranslatedProblem {

    public DepartmentUnavailable(String departmentId) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "assistant-switched-off", "Assistant switched off", departmentId);
    }
}
