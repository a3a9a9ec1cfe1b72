/**
 * Who is calling, and what they may do.
 *
 * <ul>
 *   <li>Citizens are anonymous: a signed cookie per browser; controllers take a
 *       {@link org.govchat.identity.CitizenRef} and never see raw identifiers.
 *   <li>Officers sign in through OpenID Connect (authorization code + PKCE); their token claims become an
 *       {@link org.govchat.identity.Officer} with {@link org.govchat.identity.OfficerRole roles} and
 *       departments. Services get it from {@link org.govchat.identity.Officers} (controllers may declare an
 *       {@code Officer} parameter) and check departments with {@link org.govchat.identity.DepartmentAccess}.
 *   <li>Events implementing {@link org.govchat.identity.AuditedAction} are written to the audit trail.
 *   <li>Rate limits on citizens' questions and new conversations, CSRF, security headers.
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.govchat.identity;
