package org.govchat.platform.database;

import java.security.SecureRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Random secrets made once per installation and kept in PostgreSQL, so every replica shares them and a
 * first run needs no configuration.
 */
@Component
public class PlatformSecrets {

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    PlatformSecrets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The secret of that name, created with {@code length} random bytes if it does not exist yet. */
    public byte[] getOrCreate(String name, int length) {
        var candidate = new byte[length];
        random.nextBytes(candidate);
        jdbc.sql("insert into platform_secret (name, value) values (?, ?) on conflict (name) do nothing")
                .params(name, candidate)
                .update();
        return jdbc.sql("select value from platform_secret where name = ?")
                .param(name)
                .query(byte[].class)
                .single();
    }
}
