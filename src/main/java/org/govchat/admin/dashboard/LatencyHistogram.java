package org.govchat.admin.dashboard;

/**
 * Latencies counted in logarithmic buckets, so that a day's distribution is a short array that adds up
 * across days and replicas, and any percentile of any date range comes from the sum. Bucket 0 holds
 * 0 ms; bucket {@code i} holds {@code [GROWTH^(i-1), GROWTH^i)} ms; the last one everything above ten
 * minutes. A percentile is reported as its bucket's geometric middle: within 5 % of the exact value.
 */
final class LatencyHistogram {

    static final double GROWTH = 1.1;
    static final int BUCKETS = 142;

    private LatencyHistogram() {}

    static int bucketOf(int millis) {
        if (millis <= 0) {
            return 0;
        }
        var bucket = 1 + (int) Math.floor(Math.log(millis) / Math.log(GROWTH));
        return Math.min(bucket, BUCKETS - 1);
    }

    /** The value reported for a bucket. */
    static int valueOf(int bucket) {
        if (bucket == 0) {
            return 0;
        }
        var low = Math.pow(GROWTH, bucket - 1);
        return (int) Math.round(Math.sqrt(low * low * GROWTH));
    }

    static int[] add(int[] into, int[] more) {
        var sum = new int[BUCKETS];
        for (int i = 0; i < BUCKETS; i++) {
            sum[i] = (into != null && i < into.length ? into[i] : 0) + (more != null && i < more.length ? more[i] : 0);
        }
        return sum;
    }

    static long count(int[] counts) {
        long total = 0;
        for (var c : counts) {
            total += c;
        }
        return total;
    }

    /** Nearest-rank percentile ({@code q} in (0, 1]); {@code null} for an empty histogram. */
    static Integer percentile(int[] counts, double q) {
        var total = count(counts);
        if (total == 0) {
            return null;
        }
        var rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return valueOf(i);
            }
        }
        return valueOf(counts.length - 1);
    }
}
