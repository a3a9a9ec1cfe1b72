package org.govchat.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.DataSourceUnwrapper;
import org.springframework.stereotype.Component;

/**
 * Patience with a connection pool that is only busy. A request that waits longer than
 * {@code spring.datasource.hikari.connection-timeout} for a connection is answered 503 "try again shortly":
 * right while the database is away, but wrong when every connection is simply in use by other requests during
 * a burst of questions — then the citizen would rather wait a little longer than be turned away.
 * {@link #patiently} tries again as long as the pool holds all the connections it may open (so the database
 * is there), up to {@code govchat.database.busy-pool-patience} in all. A database that is
 * away still fails at the first timeout: its connections are gone from the pool.
 */
@Component
public class BusyPool {

    private static final Logger log = LoggerFactory.getLogger(BusyPool.class);

    private final HikariDataSource pool;
    private final Duration patience;

    BusyPool(DataSource dataSource, @Value("${govchat.database.busy-pool-patience:20s}") Duration patience) {
        this.pool = DataSourceUnwrapper.unwrap(dataSource, HikariDataSource.class);
        this.patience = patience;
    }

    /** Runs {@code work}, again while its only trouble was a busy pool, until the patience is spent. */
    public <T> T patiently(Supplier<T> work) {
        var deadline = System.nanoTime() + patience.toNanos();
        var tries = 1;
        while (true) {
            try {
                var result = work.get();
                if (tries > 1) {
                    log.debug("Got a database connection on try {} while the pool was busy", tries);
                }
                return result;
            } catch (RuntimeException e) {
                if (!timedOutWaiting(e) || !busy() || System.nanoTime() - deadline > 0) {
                    throw e;
                }
                tries++;
            }
        }
    }

    /**
     * Every connection the pool may open is open: the database answers, other requests hold them. (A database
     * that is away takes its connections with it: the pool drops each one that fails.)
     */
    boolean busy() {
        var state = pool == null ? null : pool.getHikariPoolMXBean();
        return state != null && state.getTotalConnections() >= pool.getMaximumPoolSize();
    }

    /** The pool gave up waiting for a free connection, without a failed attempt to open one behind it. */
    private static boolean timedOutWaiting(Throwable error) {
        for (var cause = error; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException timeout) {
                return timeout.getCause() == null;
            }
        }
        return false;
    }
}
