package org.govchat.staff.handoff;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * A contact a citizen leaves for an officer to call back: a phone number that exists in its numbering plan
 * (libphonenumber; without a country code it is read in {@code govchat.handoff.phone-region}), or an
 * e-mail address of a plausible shape. Stored normalised: E.164 for phones, lower-case domain for e-mail.
 */
@Component
class ContactCheck {

    /** What the citizen left, normalised, and how to show it back to them. */
    record Contact(String value, String kind, String display) {}

    static final int MAX_LENGTH = 254;
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]{1,64}@[^\\s@.]+(\\.[^\\s@.]+)+");

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final String region;

    ContactCheck(HandoffProperties properties) {
        this.region = properties.phoneRegion().toUpperCase(Locale.ROOT);
    }

    /** @throws HandoffProblems.ContactInvalid when it is neither a valid phone number nor an e-mail address */
    Contact check(String raw) {
        if (raw == null
                || raw.isBlank()
                || raw.length() > MAX_LENGTH
                || raw.chars().anyMatch(Character::isISOControl)) {
            throw new HandoffProblems.ContactInvalid();
        }
        var text = raw.strip();
        if (text.contains("@")) {
            if (!EMAIL.matcher(text).matches()) {
                throw new HandoffProblems.ContactInvalid();
            }
            var at = text.lastIndexOf('@');
            var email = text.substring(0, at) + "@" + text.substring(at + 1).toLowerCase(Locale.ROOT);
            return new Contact(email, "EMAIL", email);
        }
        try {
            var number = phones.parse(text, region);
            if (!phones.isValidNumber(number)) {
                throw new HandoffProblems.ContactInvalid();
            }
            return new Contact(
                    phones.format(number, PhoneNumberUtil.PhoneNumberFormat.E164),
                    "PHONE",
                    phones.format(number, PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL));
        } catch (NumberParseException notANumber) {
            throw new HandoffProblems.ContactInvalid();
        }
    }
}
