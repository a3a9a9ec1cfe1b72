package org.govchat.identity;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The caller's IP address. This is deliberately the request's remote address and nothing else:
 * {@code X-Forwarded-For} counts only when {@code server.forward-headers-strategy} is {@code native} (the
 * container takes it from trusted proxies, {@code server.tomcat.remoteip.internal-proxies}) or
 * {@code framework}; both rewrite the remote address before the application sees it. Reading the header
 * here would let any client choose its own address, and with it its own rate limit.
 */
final class ClientAddress {

    private ClientAddress() {}

    static String of(HttpServletRequest request) {
        return request.getRemoteAddr();
    }
}
