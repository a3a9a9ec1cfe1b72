package org.govchat.identity;

/**
 * An anonymous citizen, as stored with their conversations.
 *
 * @param ownerRef a keyed hash of the browser's anonymous id; the raw id never reaches the database
 */
public record CitizenRef(String ownerRef) {}
