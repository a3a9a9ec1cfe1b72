package org.govchat.identity;

/**
 * Who did something, for the audit trail.
 *
 * @param username the officer's sign-in name, or {@code anonymous}
 * @param subject the provider's id for the officer, when known
 * @param sourceIp the client address the request came from (see {@code server.forward-headers-strategy})
 */
public record Actor(String username, String subject, String sourceIp) {

    public static final String ANONYMOUS = "anonymous";
}
