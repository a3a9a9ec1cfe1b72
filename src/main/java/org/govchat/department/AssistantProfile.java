package org.govchat.department;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "assistant_profile")
class AssistantProfile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "department_id", nullable = false, updatable = false)
    private String departmentId;

    @Column(nullable = false, updatable = false)
    private int version;

    @Column(name = "system_prompt", nullable = false, updatable = false)
    private String systemPrompt;

    @Column(name = "backend_id", nullable = false, updatable = false)
    private String backendId;

    @Column(updatable = false)
    private String model;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "fallback_backends", nullable = false, updatable = false, columnDefinition = "text[]")
    private List<String> fallbackBackends;

    @Column(nullable = false, updatable = false, precision = 3, scale = 2)
    private BigDecimal temperature;

    @Column(name = "max_output_tokens", nullable = false, updatable = false)
    private int maxOutputTokens;

    @Column(name = "memory_messages", nullable = false, updatable = false)
    private int memoryMessages;

    @Column(name = "greeting_en", nullable = false, updatable = false)
    private String greetingEn;

    @Column(name = "greeting_zh_hant", nullable = false, updatable = false)
    private String greetingZhHant;

    @Column(name = "greeting_zh_hans", nullable = false, updatable = false)
    private String greetingZhHans;

    @Column(name = "handoff_enabled", nullable = false, updatable = false)
    private boolean handoffEnabled;

    @Column(name = "name_en", nullable = false, updatable = false)
    private String nameEn;

    @Column(name = "name_zh_hant", nullable = false, updatable = false)
    private String nameZhHant;

    @Column(name = "name_zh_hans", nullable = false, updatable = false)
    private String nameZhHans;

    @Column(name = "retention_days", nullable = false, updatable = false)
    private int retentionDays;

    @Column(name = "restored_from", updatable = false)
    private Integer restoredFrom;

    /** The only column that changes after a version is written: which version is in force. */
    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected AssistantProfile() {}

    AssistantProfile(
            String departmentId,
            int version,
            DepartmentSettingsDraft settings,
            String createdBy,
            Integer restoredFrom) {
        this(departmentId, version, settings.profile(), createdBy);
        this.nameEn = settings.names().en();
        this.nameZhHant = settings.names().zhHant();
        this.nameZhHans = settings.names().zhHans();
        this.retentionDays = settings.retentionDays();
        this.restoredFrom = restoredFrom;
    }

    private AssistantProfile(String departmentId, int version, ProfileDraft draft, String createdBy) {
        this.departmentId = departmentId;
        this.version = version;
        this.systemPrompt = draft.systemPrompt();
        this.backendId = draft.backendId();
        this.model = draft.model();
        this.fallbackBackends = List.copyOf(draft.fallbackBackends());
        this.temperature = draft.temperature();
        this.maxOutputTokens = draft.maxOutputTokens();
        this.memoryMessages = draft.memoryMessages();
        this.greetingEn = draft.greeting().en();
        this.greetingZhHant = draft.greeting().zhHant();
        this.greetingZhHans = draft.greeting().zhHans();
        this.handoffEnabled = draft.handoffEnabled();
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
    }

    void activate() {
        this.active = true;
    }

    void deactivate() {
        this.active = false;
    }

    String departmentId() {
        return departmentId;
    }

    int version() {
        return version;
    }

    boolean isActive() {
        return active;
    }

    DepartmentSettingsDraft settings() {
        return new DepartmentSettingsDraft(
                new LocalizedText(nameEn, nameZhHant, nameZhHans),
                retentionDays,
                new ProfileDraft(
                        systemPrompt,
                        backendId,
                        model,
                        List.copyOf(fallbackBackends),
                        temperature,
                        maxOutputTokens,
                        memoryMessages,
                        greeting(),
                        handoffEnabled));
    }

    ProfileVersionView toVersionView() {
        return new ProfileVersionView(departmentId, version, settings(), active, restoredFrom, createdBy, createdAt);
    }

    LocalizedText greeting() {
        return new LocalizedText(greetingEn, greetingZhHant, greetingZhHans);
    }

    AssistantProfileView toView() {
        return new AssistantProfileView(
                departmentId,
                version,
                systemPrompt,
                backendId,
                model,
                List.copyOf(fallbackBackends),
                temperature,
                maxOutputTokens,
                memoryMessages,
                greeting(),
                handoffEnabled,
                createdBy,
                createdAt);
    }
}
