package org.govchat.admin.dashboard;

import org.govchat.platform.web.TranslatedProblem;
import org.springframework.http.HttpStatus;

/** 400: from after to, or a range longer than the dashboard covers. */
class InvalidDateRange extends TranslatedProblem {

    InvalidDateRange(int maxDays) {
        super(HttpStatus.BAD_REQUEST, "invalid-date-range", "Invalid date range", maxDays);
    }
}
