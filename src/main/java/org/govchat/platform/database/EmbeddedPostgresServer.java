package org.govchat.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from the binaries shipped as a Maven dependency.
 *
 * <p>Instances are shared per data directory inside one JVM and reference counted: several Spring
 * contexts (the test context cache, say) use one server, and the last one to close stops it.
 */
final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Map<Path, EmbeddedPostgresServer> running = new HashMap<>();
    private static final String SUPERUSER = "postgres";

    private final Path key;
    private final EmbeddedPostgres postgres;
    private final String database;
    private final boolean ephemeral;
    private int users;

    private EmbeddedPostgresServer(Path key, EmbeddedPostgres postgres, String database, boolean ephemeral) {
        this.key = key;
        this.postgres = postgres;
        this.database = database;
        this.ephemeral = ephemeral;
    }

    static EmbeddedPostgresServer acquire(EmbeddedPostgresProperties properties) {
        if (!DATABASE_NAME.matcher(properties.database()).matches()) {
            throw new IllegalArgumentException("govchat.embedded-postgres.database must be a plain lower-case name");
        }
        synchronized (running) {
            var key = properties.ephemeral()
                    ? Path.of("ephemeral:" + properties.database())
                    : properties.dataDirectory().toAbsolutePath().normalize();
            var server = running.get(key);
            if (server == null) {
                server = start(key, properties);
                running.put(key, server);
            }
            server.users++;
            return server;
        }
    }

    /** Called by every user when it closes; the last one stops the server. */
    void release() {
        synchronized (running) {
            if (--users > 0) {
                return;
            }
            running.remove(key);
        }
        try {
            postgres.close();
            log.info("Embedded PostgreSQL stopped");
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:%d/%s".formatted(postgres.getPort(), database);
    }

    String username() {
        return SUPERUSER;
    }

    int port() {
        return postgres.getPort();
    }

    boolean ephemeral() {
        return ephemeral;
    }

    private static EmbeddedPostgresServer start(Path key, EmbeddedPostgresProperties properties) {
        try {
            var builder = EmbeddedPostgres.builder()
                    .setPGStartupWait(properties.startupTimeout())
                    .setRegisterShutdownHook(false);
            if (properties.port() > 0) {
                builder.setPort(properties.port());
            }
            properties.serverConfig().forEach(builder::setServerConfig);
            Path dataDirectory;
            if (properties.ephemeral()) {
                dataDirectory = Files.createTempDirectory("govchat-postgres-");
                builder.setCleanDataDirectory(true);
            } else {
                dataDirectory = key;
                Files.createDirectories(dataDirectory);
                stopOrphanedServer(dataDirectory);
                builder.setCleanDataDirectory(false);
            }
            builder.setDataDirectory(dataDirectory);
            var started = Instant.now();
            var postgres = builder.start();
            createDatabaseIfMissing(postgres, properties.database());
            log.info(
                    "Embedded PostgreSQL up on port {} in {} ms, data in {}",
                    postgres.getPort(),
                    Duration.between(started, Instant.now()).toMillis(),
                    properties.ephemeral() ? "a temporary directory" : dataDirectory);
            return new EmbeddedPostgresServer(key, postgres, properties.database(), properties.ephemeral());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    /**
     * A server left running by a previous process that was killed (its JVM never got to stop it) still
     * owns the data directory; stop it so that this process can start its own.
     */
    private static void stopOrphanedServer(Path dataDirectory) throws IOException {
        var pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> orphan = Files.readAllLines(pidFile).stream()
                .findFirst()
                .map(String::trim)
                .filter(line -> line.matches("\\d+"))
                .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().orElse("").endsWith("postgres"));
        if (orphan.isEmpty()) {
            return;
        }
        var process = orphan.get();
        log.warn("Stopping an orphaned embedded PostgreSQL (pid {}) left by a previous run", process.pid());
        process.destroy();
        try {
            process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "An earlier PostgreSQL (pid " + process.pid() + ") still holds " + dataDirectory
                            + "; stop it and start again",
                    e);
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres, String database) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (var result = exists.executeQuery()) {
                if (result.next()) {
                    return;
                }
            }
            try (var create = connection.createStatement()) {
                // the name was checked against DATABASE_NAME, so it is safe to splice
                create.execute("create database " + database + " encoding 'UTF8' template template0");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + database, e);
        }
    }
}
