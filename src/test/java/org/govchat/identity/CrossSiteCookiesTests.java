package org.govchat.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseCookie;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Citizens' cookies must survive inside a department website's iframe, and only over TLS can they. */
class CrossSiteCookiesTests {

    @Test
    void overTlsCookiesAreSameSiteNoneSecureAndPartitionedSoTheEmbeddedChatWorks() {
        var cookie = CrossSiteCookies.apply(ResponseCookie.from("c", "v"), true)
                .build()
                .toString();
        assertThat(cookie).contains("Secure").contains("SameSite=None").contains("Partitioned");
    }

    @Test
    void withoutTlsCookiesStayLaxBecauseBrowsersRefuseSameSiteNoneThere() {
        var cookie = CrossSiteCookies.apply(ResponseCookie.from("c", "v"), false)
                .build()
                .toString();
        assertThat(cookie).contains("SameSite=Lax").doesNotContain("Secure").doesNotContain("Partitioned");
    }

    @Test
    void theCsrfCookieFollowsTheSameRulePerRequest() {
        var repository = CrossSiteCookies.csrfTokens();
        var secure = new MockHttpServletRequest();
        secure.setSecure(true);
        var secureResponse = new MockHttpServletResponse();
        repository.saveToken(repository.generateToken(secure), secure, secureResponse);
        assertThat(secureResponse.getHeader("Set-Cookie"))
                .startsWith("XSRF-TOKEN=")
                .contains("Secure")
                .contains("SameSite=None")
                .contains("Partitioned")
                .doesNotContain("HttpOnly");

        var plain = new MockHttpServletRequest();
        var plainResponse = new MockHttpServletResponse();
        repository.saveToken(repository.generateToken(plain), plain, plainResponse);
        assertThat(plainResponse.getHeader("Set-Cookie"))
                .contains("SameSite=Lax")
                .doesNotContain("Partitioned");
    }
}
