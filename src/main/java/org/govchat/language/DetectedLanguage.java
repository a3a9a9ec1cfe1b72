package org.govchat.language;

/** @param confidence between 0 and 1 */
public record DetectedLanguage(Language language, double confidence) {}
