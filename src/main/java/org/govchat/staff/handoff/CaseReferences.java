package org.govchat.staff.handoff;

import java.security.SecureRandom;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Case references citizens can read out on the phone: the department's first three letters and eight
 * characters without look-alikes (no 0/O, 1/I/L), e.g. {@code IMM-4K7P-X2QD}. Random, so they reveal
 * nothing about how many cases there are; 31^8 possibilities make a collision (refused by a unique index)
 * practically impossible.
 */
@Component
class CaseReferences {

    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private final SecureRandom random = new SecureRandom();

    String next(String departmentId) {
        var letters = departmentId.replaceAll("[^a-zA-Z]", "").toUpperCase(Locale.ROOT);
        var prefix = (letters + "GOV").substring(0, 3);
        var reference = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                reference.append('-');
            }
            reference.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return reference.toString();
    }
}
