package org.govchat.identity;

/** An officer signed out (which also ends their session at the provider). */
public record OfficerSignedOut(Actor actor) implements AuditedAction {

    @Override
    public String action() {
        return "LOGOUT";
    }
}
