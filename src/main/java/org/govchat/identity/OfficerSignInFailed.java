package org.govchat.identity;

import java.util.Map;

/**
 * A sign-in that came back from the provider but was refused here: an error from the provider, a token
 * that did not validate, or an account without any govchat role.
 *
 * @param reason a short code such as {@code access_denied} or {@code invalid_id_token}
 */
public record OfficerSignInFailed(Actor actor, String reason) implements AuditedAction {

    @Override
    public String action() {
        return "LOGIN_FAILED";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("reason", reason);
    }
}
