package org.govchat.admin.review;

import org.govchat.platform.web.TranslatedProblem;
import org.springframework.http.HttpStatus;

/** 400: a filter value the review list does not know (a language, rating, status, date or cursor). */
class InvalidReviewFilter extends TranslatedProblem {

    InvalidReviewFilter(String parameter) {
        super(HttpStatus.BAD_REQUEST, "invalid-review-filter", "Invalid filter");
        getBody().setProperty("parameter", parameter);
    }
}
