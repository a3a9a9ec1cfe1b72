package org.govchat.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;

/**
 * The cookies citizens carry (their anonymous identity and the CSRF token) must also work inside a
 * department's website, where the chat runs in a cross-site {@code <iframe>}: browsers send a SameSite=Lax
 * cookie only in first-party context. Over TLS they are therefore {@code SameSite=None; Secure;
 * Partitioned}: sent in the frame, but kept in a separate jar per embedding site, so one site cannot reach
 * the identity a citizen has on another (and the CSRF token still guards every change). Without TLS (a
 * developer's machine) browsers refuse SameSite=None, so they stay Lax.
 */
final class CrossSiteCookies {

    private CrossSiteCookies() {}

    static ResponseCookie.ResponseCookieBuilder apply(ResponseCookie.ResponseCookieBuilder cookie, boolean secure) {
        return secure
                ? cookie.secure(true).sameSite("None").partitioned(true)
                : cookie.secure(false).sameSite("Lax");
    }

    /**
     * The SPA's CSRF cookie ({@code XSRF-TOKEN}), with the attributes above chosen per request. Tokens are
     * made and read as Spring Security's cookie repository does; the cookie is written here because that
     * repository cannot mark it Partitioned.
     */
    static CsrfTokenRepository csrfTokens() {
        var standard = CookieCsrfTokenRepository.withHttpOnlyFalse();
        return new CsrfTokenRepository() {
            @Override
            public CsrfToken generateToken(HttpServletRequest request) {
                return standard.generateToken(request);
            }

            @Override
            public CsrfToken loadToken(HttpServletRequest request) {
                return standard.loadToken(request);
            }

            @Override
            public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
                var path = request.getContextPath().isEmpty() ? "/" : request.getContextPath();
                var cookie = ResponseCookie.from(CSRF_COOKIE, token == null ? "" : token.getToken())
                        .path(path)
                        .httpOnly(false)
                        .maxAge(token == null ? 0 : -1);
                response.addHeader(
                        HttpHeaders.SET_COOKIE,
                        apply(cookie, request.isSecure()).build().toString());
            }
        };
    }

    static final String CSRF_COOKIE = "XSRF-TOKEN";
}
