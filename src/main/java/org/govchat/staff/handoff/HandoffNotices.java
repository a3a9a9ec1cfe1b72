package org.govchat.staff.handoff;

import java.util.Locale;
import org.govchat.language.Language;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The notices a citizen reads in the conversation while it goes to an officer and back (stored as
 * {@code SYSTEM} messages), in the conversation's language: English, or Traditional or Simplified Chinese.
 */
@Component
class HandoffNotices {

    private final MessageSource messages;

    HandoffNotices(MessageSource messages) {
        this.messages = messages;
    }

    String requested(String language, String departmentName) {
        return text("requested", language, departmentName);
    }

    String claimed(String language) {
        return text("claimed", language);
    }

    String timedOut(String language) {
        return text("timed-out", language);
    }

    String followUp(String language, String reference, String contact) {
        return contact == null
                ? text("follow-up-reference", language, reference)
                : text("follow-up-contact", language, contact, reference);
    }

    String handedBack(String language) {
        return text("handed-back", language);
    }

    String closed(String language) {
        return text("closed", language);
    }

    String cancelled(String language) {
        return text("cancelled", language);
    }

    /** The locale notices for a conversation in {@code language} (a tag such as {@code yue-Hant}) are written in. */
    static Locale locale(String language) {
        return Language.fromTag(language).uiLocale();
    }

    private String text(String key, String language, Object... arguments) {
        return messages.getMessage("handoff.notice." + key, arguments, locale(language));
    }
}
