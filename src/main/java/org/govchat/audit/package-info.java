/**
 * The append-only audit trail: every event implementing {@link org.govchat.identity.AuditedAction} (sign-ins,
 * admin changes, officers opening citizen conversations, ...) becomes an {@code audit_event} row, written in
 * the same transaction as the action it records. Platform admins page through it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.govchat.audit;
