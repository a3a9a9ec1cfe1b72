package org.govchat.department;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "department")
class Department {

    @Id
    private String id;

    @Column(name = "name_en", nullable = false)
    private String nameEn;

    @Column(name = "name_zh_hant", nullable = false)
    private String nameZhHant;

    @Column(name = "name_zh_hans", nullable = false)
    private String nameZhHans;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "retention_days", nullable = false)
    private int retentionDays;

    @Column(name = "supervised_answers", nullable = false)
    private boolean supervisedAnswers;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Department() {}

    Department(String id, LocalizedText names, int retentionDays) {
        this.id = id;
        rename(names);
        this.active = true;
        this.retentionDays = retentionDays;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    void rename(LocalizedText names) {
        this.nameEn = names.en();
        this.nameZhHant = names.zhHant();
        this.nameZhHans = names.zhHans();
        this.updatedAt = Instant.now();
    }

    void switchAssistant(boolean on) {
        this.active = on;
        this.updatedAt = Instant.now();
    }

    void superviseAnswers(boolean on) {
        this.supervisedAnswers = on;
        this.updatedAt = Instant.now();
    }

    void retain(int days) {
        this.retentionDays = days;
        this.updatedAt = Instant.now();
    }

    String id() {
        return id;
    }

    LocalizedText names() {
        return new LocalizedText(nameEn, nameZhHant, nameZhHans);
    }

    boolean active() {
        return active;
    }

    boolean supervisedAnswers() {
        return supervisedAnswers;
    }

    int retentionDays() {
        return retentionDays;
    }
}
