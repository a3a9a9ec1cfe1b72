/**
 * The staff portal's API ({@code /api/v1/staff/**}): who is signed in and, for officers, the citizen
 * conversations of their departments. Opening a citizen conversation is audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Staff portal")
package org.govchat.staff;
