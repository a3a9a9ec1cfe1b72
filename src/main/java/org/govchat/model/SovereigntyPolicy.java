package org.govchat.model;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Citizen text may only travel to hosts the operator named: {@code govchat.sovereignty.allowed-hosts}
 * lists exact host names or addresses and {@code *.suffix} wildcards (which match below the suffix).
 */
final class SovereigntyPolicy {

    private final List<String> allowedHosts;

    SovereigntyPolicy(ModelProperties.Sovereignty sovereignty) {
        this.allowedHosts = sovereignty.allowedHosts().stream()
                .map(host -> host.trim().toLowerCase(Locale.ROOT))
                .map(SovereigntyPolicy::unbracket)
                .toList();
    }

    /** Refuses a backend whose base URL leaves the allowed hosts; the message names backend and host. */
    void check(String backendId, URI baseUrl) {
        var host = baseUrl.getHost();
        if (host == null) {
            throw new IllegalStateException(
                    "Backend '" + backendId + "' has no host in its base-url '" + baseUrl + "'");
        }
        if (!allows(host)) {
            throw new IllegalStateException("Backend '" + backendId + "' points at host '" + host
                    + "', which is not in govchat.sovereignty.allowed-hosts " + allowedHosts
                    + ": citizen text must not leave the allowed hosts");
        }
    }

    boolean allows(String host) {
        var candidate = unbracket(host.toLowerCase(Locale.ROOT));
        for (var allowed : allowedHosts) {
            if (allowed.startsWith("*.")) {
                if (candidate.endsWith(allowed.substring(1)) && candidate.length() > allowed.length() - 1) {
                    return true;
                }
            } else if (allowed.equals(candidate)) {
                return true;
            }
        }
        return false;
    }

    private static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
