/**
 * Which language a citizen writes (English, written Cantonese, standard Chinese in Traditional or
 * Simplified script), the instruction that makes the model answer in kind, and the script correction
 * of its output. Other modules use {@link org.govchat.language.LanguageService}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Languages")
package org.govchat.language;
