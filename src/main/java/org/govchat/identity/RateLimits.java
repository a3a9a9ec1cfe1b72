package org.govchat.identity;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Token buckets kept in PostgreSQL (Bucket4j, one row per key, guarded by an advisory lock), so that all
 * replicas count against the same limits.
 */
@Component
class RateLimits {

    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);
    private static final int CLEANUP_BATCH = 1_000;

    private final ProxyManager<String> buckets;
    private final IdentityProperties.RateLimits config;

    RateLimits(DataSource dataSource, IdentityProperties properties) {
        this.config = properties.rateLimits();
        this.buckets = Bucket4jPostgreSQL.advisoryLockBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
    }

    IdentityProperties.RateLimits config() {
        return config;
    }

    /**
     * Takes one token from the bucket of {@code subject} under {@code limit}.
     *
     * @return how long to wait before trying again; empty when the call may go ahead
     */
    Optional<Duration> take(String name, IdentityProperties.Limit limit, String subject) {
        // the limit is part of the key, so a changed configuration starts fresh buckets; the subject (an
        // address, a citizen reference) is hashed so that no raw address is stored
        var key = sha256(name + "|" + limit.capacity() + "/" + limit.period() + "|" + subject);
        var bucket = buckets.builder().build(key, () -> configuration(limit));
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    @Scheduled(fixedDelay = 60_000, initialDelay = 30_000)
    void removeExpiredBuckets() {
        try {
            int removed;
            do {
                removed = ((ExpiredEntriesCleaner) buckets).removeExpired(CLEANUP_BATCH);
            } while (removed == CLEANUP_BATCH);
        } catch (RuntimeException e) {
            log.debug("Could not remove expired rate-limit buckets: {}", e.getMessage());
        }
    }

    private static BucketConfiguration configuration(IdentityProperties.Limit limit) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(limit.capacity())
                        .refillGreedy(limit.capacity(), limit.period())
                        .build())
                .build();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
