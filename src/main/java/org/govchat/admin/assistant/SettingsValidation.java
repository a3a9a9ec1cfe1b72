package org.govchat.admin.assistant;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.govchat.department.DepartmentSettingsDraft;
import org.govchat.department.LocalizedText;
import org.govchat.department.ProfileDraft;
import org.govchat.model.BackendStatus;
import org.govchat.model.ModelGateway;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The rules a department's settings must keep, checked on the server whatever the console sent. Backends
 * and models must be ones the configuration offers: admins choose among them, they cannot add endpoints.
 * The limits match the database's own checks, so a rule broken here never reaches them as a 500.
 */
@Component
class SettingsValidation {

    static final int MAX_NAME = 200;
    static final int MAX_GREETING = 2000;
    static final int MAX_SYSTEM_PROMPT = 20_000;
    static final int MAX_FALLBACKS = 5;
    static final BigDecimal MAX_TEMPERATURE = new BigDecimal("2");
    static final int MAX_OUTPUT_TOKENS = 32_768;
    static final int MAX_MEMORY_MESSAGES = 200;
    static final int MAX_RETENTION_DAYS = 3650;

    private final ModelGateway models;
    private final MessageSource messages;

    SettingsValidation(ModelGateway models, MessageSource messages) {
        this.models = models;
        this.messages = messages;
    }

    /** @throws InvalidSettings listing every broken rule */
    DepartmentSettingsDraft check(LocalizedText names, Integer retentionDays, ProfileDraft profile) {
        var errors = new Errors();
        text(errors, "names.en", names == null ? null : names.en(), MAX_NAME);
        text(errors, "names.zh-Hant", names == null ? null : names.zhHant(), MAX_NAME);
        text(errors, "names.zh-Hans", names == null ? null : names.zhHans(), MAX_NAME);
        if (retentionDays == null) {
            errors.add("retentionDays", "admin.invalid.required");
        } else {
            range(errors, "retentionDays", retentionDays, 1, MAX_RETENTION_DAYS);
        }
        var checked = profile(errors, profile);
        errors.throwIfAny();
        return new DepartmentSettingsDraft(clean(names), retentionDays, checked);
    }

    /** Only the assistant's part, for the playground. @throws InvalidSettings listing every broken rule */
    ProfileDraft checkProfile(ProfileDraft profile) {
        var errors = new Errors();
        var checked = profile(errors, profile);
        errors.throwIfAny();
        return checked;
    }

    /** @throws InvalidSettings when {@code value} is missing */
    <T> T required(String field, T value) {
        if (value == null) {
            var errors = new Errors();
            errors.add(field, "admin.invalid.required");
            errors.throwIfAny();
        }
        return value;
    }

    private ProfileDraft profile(Errors errors, ProfileDraft profile) {
        if (profile == null) {
            errors.add("profile", "admin.invalid.required");
            return null;
        }
        text(errors, "profile.systemPrompt", profile.systemPrompt(), MAX_SYSTEM_PROMPT);
        var greeting = profile.greeting();
        text(errors, "profile.greeting.en", greeting == null ? null : greeting.en(), MAX_GREETING);
        text(errors, "profile.greeting.zh-Hant", greeting == null ? null : greeting.zhHant(), MAX_GREETING);
        text(errors, "profile.greeting.zh-Hans", greeting == null ? null : greeting.zhHans(), MAX_GREETING);

        Map<String, BackendStatus> backends =
                models.backends().stream().collect(Collectors.toMap(BackendStatus::id, Function.identity()));
        var model = profile.model() == null || profile.model().isBlank()
                ? null
                : profile.model().strip();
        if (profile.backendId() == null || profile.backendId().isBlank()) {
            errors.add("profile.backendId", "admin.invalid.required");
        } else if (!backends.containsKey(profile.backendId())) {
            errors.add("profile.backendId", "admin.invalid.unknown-backend", profile.backendId());
        } else if (model != null && !backends.get(profile.backendId()).models().contains(model)) {
            errors.add("profile.model", "admin.invalid.unknown-model", profile.backendId(), model);
        }
        var fallbacks = profile.fallbackBackends();
        if (fallbacks.size() > MAX_FALLBACKS) {
            errors.add("profile.fallbackBackends", "admin.invalid.too-many-fallbacks", MAX_FALLBACKS);
        }
        var seen = new HashSet<String>();
        for (var fallback : fallbacks) {
            if (fallback == null || !backends.containsKey(fallback)) {
                errors.add("profile.fallbackBackends", "admin.invalid.unknown-backend", String.valueOf(fallback));
            } else if (fallback.equals(profile.backendId()) || !seen.add(fallback)) {
                errors.add("profile.fallbackBackends", "admin.invalid.fallback-repeats", fallback);
            }
        }
        var temperature = profile.temperature();
        if (temperature == null) {
            errors.add("profile.temperature", "admin.invalid.required");
        } else if (temperature.signum() < 0 || temperature.compareTo(MAX_TEMPERATURE) > 0) {
            errors.add("profile.temperature", "admin.invalid.range", "0", "2");
        } else if (temperature.stripTrailingZeros().scale() > 2) {
            errors.add("profile.temperature", "admin.invalid.decimals");
        }
        range(errors, "profile.maxOutputTokens", profile.maxOutputTokens(), 1, MAX_OUTPUT_TOKENS);
        range(errors, "profile.memoryMessages", profile.memoryMessages(), 0, MAX_MEMORY_MESSAGES);
        return new ProfileDraft(
                strip(profile.systemPrompt()),
                profile.backendId(),
                model,
                fallbacks,
                temperature == null || temperature.stripTrailingZeros().scale() > 2
                        ? temperature
                        : temperature.setScale(2, java.math.RoundingMode.UNNECESSARY),
                profile.maxOutputTokens(),
                profile.memoryMessages(),
                clean(greeting),
                profile.handoffEnabled());
    }

    private static void text(Errors errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(field, "admin.invalid.required");
        } else if (value.strip().codePointCount(0, value.strip().length()) > max) {
            errors.add(field, "admin.invalid.too-long", max);
        }
    }

    private static void range(Errors errors, String field, int value, int min, int max) {
        if (value < min || value > max) {
            errors.add(field, "admin.invalid.range", min, max);
        }
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }

    private static LocalizedText clean(LocalizedText text) {
        return text == null ? null : new LocalizedText(strip(text.en()), strip(text.zhHant()), strip(text.zhHans()));
    }

    private final class Errors {
        private final List<InvalidSettings.FieldError> errors = new ArrayList<>();

        void add(String field, String code, Object... arguments) {
            var locale = LocaleContextHolder.getLocale();
            errors.add(new InvalidSettings.FieldError(field, messages.getMessage(code, arguments, code, locale)));
        }

        void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new InvalidSettings(errors);
            }
        }
    }
}
