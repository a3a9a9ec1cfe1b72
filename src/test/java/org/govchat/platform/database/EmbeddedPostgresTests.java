package org.govchat.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.govchat.GovchatApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedded default database: started when nothing is configured, kept across restarts, skipped otherwise. */
class EmbeddedPostgresTests {

    @TempDir
    Path workDir;

    @Test
    void dataSurvivesARestartAndTheDemoDataIsSeededOnlyOnce() throws Exception {
        var dataDirectory = workDir.resolve("postgres");
        String firstUrl;
        try (var app = start(
                "--govchat.embedded-postgres.ephemeral=false",
                "--govchat.embedded-postgres.data-directory=" + dataDirectory)) {
            var jdbc = JdbcClient.create(app.getBean(DataSource.class));
            assertThat(departmentCount(jdbc)).isEqualTo(4);
            jdbc.sql("update department set name_en = 'Immigration (renamed before restart)' where id = 'immigration'")
                    .update();
            firstUrl = app.getBean(EmbeddedPostgresServer.class).jdbcUrl();
        }
        assertThat(dataDirectory.resolve("postmaster.pid"))
                .as("server stopped with the app")
                .doesNotExist();
        assertThat(Files.exists(dataDirectory.resolve("PG_VERSION"))).isTrue();

        try (var app = start(
                "--govchat.embedded-postgres.ephemeral=false",
                "--govchat.embedded-postgres.data-directory=" + dataDirectory)) {
            var jdbc = JdbcClient.create(app.getBean(DataSource.class));
            assertThat(departmentCount(jdbc)).as("no second seeding").isEqualTo(4);
            assertThat(jdbc.sql("select count(*) from assistant_profile")
                            .query(Long.class)
                            .single())
                    .isEqualTo(4);
            assertThat(jdbc.sql("select name_en from department where id = 'immigration'")
                            .query(String.class)
                            .single())
                    .isEqualTo("Immigration (renamed before restart)");
            assertThat(app.getBean(EmbeddedPostgresServer.class).jdbcUrl()).startsWith("jdbc:postgresql://localhost:");
            assertThat(firstUrl).isNotBlank();
        }
    }

    @Test
    void withADatasourceUrlNoEmbeddedServerIsStarted() throws Exception {
        try (var external = EmbeddedPostgres.builder()
                .setDataDirectory(workDir.resolve("external"))
                .setCleanDataDirectory(true)
                .start()) {
            var url = external.getJdbcUrl("postgres", "postgres");
            try (var app = start("--spring.datasource.url=" + url, "--spring.datasource.username=postgres")) {
                assertThat(app.getBeansOfType(EmbeddedPostgresServer.class)).isEmpty();
                var jdbc = JdbcClient.create(app.getBean(DataSource.class));
                assertThat(jdbc.sql("select current_setting('port')")
                                .query(String.class)
                                .single())
                        .isEqualTo(String.valueOf(external.getPort()));
                assertThat(departmentCount(jdbc)).isEqualTo(4);
            }
        }
    }

    @Test
    void demoDataCanBeSwitchedOff() {
        try (var app = start(
                "--govchat.embedded-postgres.ephemeral=false",
                "--govchat.embedded-postgres.data-directory=" + workDir.resolve("empty"),
                "--govchat.demo-data.enabled=false")) {
            assertThat(departmentCount(JdbcClient.create(app.getBean(DataSource.class))))
                    .isZero();
        }
    }

    private static long departmentCount(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from department").query(Long.class).single();
    }

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(GovchatApplication.class)
                .web(WebApplicationType.NONE)
                .run(args);
    }
}
