package org.govchat.department;

import java.math.BigDecimal;
import java.util.List;

/** The editable content of an assistant profile; saving one creates a new version. */
public record ProfileDraft(
        String systemPrompt,
        String backendId,
        String model,
        List<String> fallbackBackends,
        BigDecimal temperature,
        int maxOutputTokens,
        int memoryMessages,
        LocalizedText greeting,
        boolean handoffEnabled) {

    public ProfileDraft {
        fallbackBackends = fallbackBackends == null ? List.of() : List.copyOf(fallbackBackends);
    }
}
