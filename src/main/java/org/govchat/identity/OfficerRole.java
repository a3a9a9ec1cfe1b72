package org.govchat.identity;

/** What an officer signed in through SSO may do. */
public enum OfficerRole {
    /** Runs the installation; sees every department. */
    PLATFORM_ADMIN,
    /** Configures and watches the assistants of their departments. */
    DEPT_ADMIN,
    /** Serves citizens of their departments in the staff portal. */
    STAFF
}
