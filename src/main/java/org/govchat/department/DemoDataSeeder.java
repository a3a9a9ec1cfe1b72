package org.govchat.department;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeds the four demo departments into an empty database, so a fresh installation has something to
 * chat with. Never touches a database that already holds a department.
 */
@Component
@ConditionalOnBooleanProperty(name = "govchat.demo-data.enabled", matchIfMissing = true)
class DemoDataSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);
    private static final long SEED_LOCK = 0x676f76636861L; // "govcha": replicas starting together seed once

    record DemoProfile(
            String systemPrompt,
            String backendId,
            BigDecimal temperature,
            int maxOutputTokens,
            int memoryMessages,
            LocalizedText greeting,
            boolean handoffEnabled) {}

    record DemoDepartment(String id, LocalizedText names, int retentionDays, DemoProfile profile) {}

    private final DepartmentRepository departments;
    private final AssistantProfileRepository profiles;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    DemoDataSeeder(
            DepartmentRepository departments, AssistantProfileRepository profiles, JdbcClient jdbc, JsonMapper json) {
        this.departments = departments;
        this.profiles = profiles;
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(SEED_LOCK).query().singleValue();
        if (departments.count() > 0) {
            return;
        }
        for (var demo : load()) {
            departments.save(new Department(demo.id(), demo.names(), demo.retentionDays()));
            var p = demo.profile();
            var draft = new ProfileDraft(
                    p.systemPrompt(),
                    p.backendId(),
                    null,
                    List.of(),
                    p.temperature(),
                    p.maxOutputTokens(),
                    p.memoryMessages(),
                    p.greeting(),
                    p.handoffEnabled());
            var profile = new AssistantProfile(
                    demo.id(),
                    1,
                    new DepartmentSettingsDraft(demo.names(), demo.retentionDays(), draft),
                    "demo-data",
                    null);
            profile.activate();
            profiles.save(profile);
        }
        log.info("Seeded the demo departments into an empty database");
    }

    private List<DemoDepartment> load() throws IOException {
        try (InputStream in = new ClassPathResource("department/demo-departments.json").getInputStream()) {
            return List.of(json.readValue(in, DemoDepartment[].class));
        }
    }
}
