package org.govchat.department;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The active (or a historical) version of a department's assistant configuration. */
public record AssistantProfileView(
        String departmentId,
        int version,
        String systemPrompt,
        String backendId,
        String model,
        List<String> fallbackBackends,
        BigDecimal temperature,
        int maxOutputTokens,
        int memoryMessages,
        LocalizedText greeting,
        boolean handoffEnabled,
        String createdBy,
        Instant createdAt) {}
