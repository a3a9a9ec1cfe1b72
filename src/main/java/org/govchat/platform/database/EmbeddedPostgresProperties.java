package org.govchat.platform.database;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL started when no datasource is configured.
 *
 * @param enabled start it at all (it is never started when {@code spring.datasource.url} is set)
 * @param dataDirectory where the cluster lives; kept between runs so data survives a restart
 * @param ephemeral use a fresh temporary cluster and delete it on stop (tests)
 * @param port TCP port on localhost; 0 picks a free one
 * @param database the database the application uses inside the cluster
 * @param startupTimeout how long to wait for the server to accept connections
 * @param serverConfig extra {@code postgresql.conf} settings
 */
@ConfigurationProperties("govchat.embedded-postgres")
record EmbeddedPostgresProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue(".govchat/postgres") Path dataDirectory,
        @DefaultValue("false") boolean ephemeral,
        @DefaultValue("0") int port,
        @DefaultValue("govchat") String database,
        @DefaultValue("60s") Duration startupTimeout,
        Map<String, String> serverConfig) {

    EmbeddedPostgresProperties {
        serverConfig = serverConfig == null ? Map.of() : Map.copyOf(serverConfig);
    }
}
