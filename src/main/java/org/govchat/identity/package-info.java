/**
 * Who is calling: anonymous citizens (a signed cookie per browser), and later staff and admins through
 * SSO. Controllers receive a {@link org.govchat.identity.CitizenRef}; they never see raw identifiers.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.govchat.identity;
