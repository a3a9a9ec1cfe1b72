package org.govchat.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The browser app routes on the client: its entry paths all serve the same {@code index.html}. Unknown
 * paths outside these stay 404 problems.
 */
@Controller
class SinglePageAppController {

    @GetMapping({"/admin", "/admin/", "/admin/**", "/staff", "/staff/", "/staff/**", "/embed/**", "/c/**", "/privacy"})
    String app() {
        return "forward:/index.html";
    }
}
