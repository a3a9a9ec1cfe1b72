package org.govchat.admin.dashboard;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Folds the facts that database triggers append to {@code admin_stats_event} (a conversation started, a
 * question asked, an answer finished, a rating given or changed, an escalation) into the daily rollups the
 * dashboard reads, then deletes them. Appending keeps concurrent turns from contending for counters;
 * folding is one transaction per batch, on one replica at a time (an advisory lock), so a fact is counted
 * exactly once: the rows folded are the rows deleted.
 */
@Component
class StatsRollup {

    private static final Logger log = LoggerFactory.getLogger(StatsRollup.class);
    private static final long FOLD_LOCK = 0x61646d696e5fL; // "admin_"
    /** A dashboard request folds at most this many batches itself before reading. */
    private static final int BATCHES_ON_DEMAND = 20;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final DashboardProperties properties;

    StatsRollup(JdbcClient jdbc, PlatformTransactionManager transactions, DashboardProperties properties) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.properties = properties;
    }

    @Scheduled(
            initialDelayString = "${govchat.admin.dashboard.fold-interval:10s}",
            fixedDelayString = "${govchat.admin.dashboard.fold-interval:10s}")
    void foldInBackground() {
        try {
            int batches = 0;
            while (foldBatch() > 0) {
                batches++;
            }
            if (batches > 1) {
                log.debug("Folded {} batches of dashboard facts", batches);
            }
        } catch (RuntimeException e) {
            log.warn("Folding dashboard facts failed (will retry): {}", e.getMessage());
        }
    }

    /** Folds what is pending now (bounded), so a dashboard read right after a change includes it. */
    void foldPending() {
        for (int i = 0; i < BATCHES_ON_DEMAND; i++) {
            if (foldBatch() == 0) {
                return;
            }
        }
    }

    /** @return how many facts were folded (0: nothing pending, or another replica is folding) */
    int foldBatch() {
        var folded = transaction.execute(status -> {
            var locked = jdbc.sql("select pg_try_advisory_xact_lock(?)")
                    .param(FOLD_LOCK)
                    .query(Boolean.class)
                    .single();
            return locked ? foldLocked() : 0;
        });
        return folded == null ? 0 : folded;
    }

    private record Day(String departmentId, LocalDate day) {}

    private static final class Activity {
        int conversations;
        int escalated;
        int questions;
        int staffReplies;
        int complete;
        int partial;
        int failed;
        int cancelled;
        int up;
        int down;
        int[] ttft = new int[LatencyHistogram.BUCKETS];
        int[] duration = new int[LatencyHistogram.BUCKETS];
        boolean latencies;
        CitizenSketch citizens;
    }

    private record ModelKey(String departmentId, LocalDate day, String backend, String model) {}

    private static final class ModelUse {
        int answers;
        long tokensIn;
        long tokensOut;
    }

    private record LanguageKey(String departmentId, LocalDate day, String language) {}

    private int foldLocked() {
        var ids = new ArrayList<Long>();
        var activity = new LinkedHashMap<Day, Activity>();
        var models = new HashMap<ModelKey, ModelUse>();
        var languages = new HashMap<LanguageKey, Integer>();
        jdbc.sql("""
                select id, kind, department_id, (occurred_at at time zone ?)::date as day, owner_ref, language,
                       status, backend, model, tokens_in, tokens_out, ttft_ms, duration_ms, delta
                from admin_stats_event order by id limit ?
                """)
                .params(properties.timeZone().getId(), properties.foldBatch())
                .query((ResultSet rs) -> {
                    ids.add(rs.getLong("id"));
                    var key = new Day(rs.getString("department_id"), rs.getObject("day", LocalDate.class));
                    var day = activity.computeIfAbsent(key, k -> new Activity());
                    switch (rs.getString("kind")) {
                        case "conversation" -> {
                            day.conversations++;
                            var owner = rs.getString("owner_ref");
                            if (owner != null) {
                                if (day.citizens == null) {
                                    day.citizens = new CitizenSketch();
                                }
                                day.citizens.add(owner);
                            }
                        }
                        case "escalated" -> day.escalated++;
                        case "question" -> {
                            day.questions++;
                            var language = rs.getString("language");
                            languages.merge(
                                    new LanguageKey(
                                            key.departmentId(), key.day(), language == null ? "unknown" : language),
                                    1,
                                    Integer::sum);
                        }
                        case "staff-reply" -> day.staffReplies++;
                        case "answer" -> answer(rs, key, day, models);
                        case "rating" -> {
                            var delta = rs.getInt("delta");
                            if ("UP".equals(rs.getString("status"))) {
                                day.up += delta;
                            } else {
                                day.down += delta;
                            }
                        }
                        default -> {
                            // a kind this version does not know is dropped
                        }
                    }
                });
        if (ids.isEmpty()) {
            return 0;
        }
        activity.forEach(this::addActivity);
        models.forEach((key, use) -> jdbc.sql("""
                insert into admin_daily_model as m (department_id, day, backend, model, answers, tokens_in, tokens_out)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (department_id, day, backend, model) do update
                set answers = m.answers + excluded.answers, tokens_in = m.tokens_in + excluded.tokens_in,
                    tokens_out = m.tokens_out + excluded.tokens_out
                """)
                .params(
                        key.departmentId(),
                        key.day(),
                        key.backend(),
                        key.model(),
                        use.answers,
                        use.tokensIn,
                        use.tokensOut)
                .update());
        languages.forEach((key, count) -> jdbc.sql("""
                insert into admin_daily_language as l (department_id, day, language, questions) values (?, ?, ?, ?)
                on conflict (department_id, day, language) do update set questions = l.questions + excluded.questions
                """)
                .params(key.departmentId(), key.day(), key.language(), count)
                .update());
        // exactly the rows read: one committed meanwhile with a smaller id waits for the next batch
        jdbc.sql("delete from admin_stats_event where id = any(?)")
                .param(ids.toArray(Long[]::new))
                .update();
        return ids.size();
    }

    private static void answer(ResultSet rs, Day key, Activity day, Map<ModelKey, ModelUse> models)
            throws SQLException {
        var status = rs.getString("status");
        switch (status == null ? "" : status) {
            case "COMPLETE" -> day.complete++;
            case "PARTIAL" -> day.partial++;
            case "FAILED" -> day.failed++;
            case "CANCELLED" -> day.cancelled++;
            default -> {
                return;
            }
        }
        var ttft = (Integer) rs.getObject("ttft_ms");
        if (ttft != null) {
            day.ttft[LatencyHistogram.bucketOf(ttft)]++;
            day.latencies = true;
        }
        var duration = (Integer) rs.getObject("duration_ms");
        if (duration != null && "COMPLETE".equals(status)) {
            day.duration[LatencyHistogram.bucketOf(duration)]++;
            day.latencies = true;
        }
        var backend = rs.getString("backend");
        if (backend != null) {
            var model = rs.getString("model");
            var use = models.computeIfAbsent(
                    new ModelKey(key.departmentId(), key.day(), backend, model == null ? "" : model),
                    k -> new ModelUse());
            use.answers++;
            use.tokensIn += rs.getInt("tokens_in");
            use.tokensOut += rs.getInt("tokens_out");
        }
    }

    private void addActivity(Day key, Activity day) {
        jdbc.sql("""
                insert into admin_daily_activity as a (department_id, day, conversations, escalated, questions,
                    staff_replies, answers_complete, answers_partial, answers_failed, answers_cancelled,
                    rated_up, rated_down)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (department_id, day) do update set
                    conversations = a.conversations + excluded.conversations,
                    escalated = a.escalated + excluded.escalated,
                    questions = a.questions + excluded.questions,
                    staff_replies = a.staff_replies + excluded.staff_replies,
                    answers_complete = a.answers_complete + excluded.answers_complete,
                    answers_partial = a.answers_partial + excluded.answers_partial,
                    answers_failed = a.answers_failed + excluded.answers_failed,
                    answers_cancelled = a.answers_cancelled + excluded.answers_cancelled,
                    rated_up = a.rated_up + excluded.rated_up,
                    rated_down = a.rated_down + excluded.rated_down
                """)
                .params(
                        key.departmentId(),
                        key.day(),
                        day.conversations,
                        day.escalated,
                        day.questions,
                        day.staffReplies,
                        day.complete,
                        day.partial,
                        day.failed,
                        day.cancelled,
                        day.up,
                        day.down)
                .update();
        if (!day.latencies && day.citizens == null) {
            return;
        }
        // histograms and sketches merge element by element: read, merge, write (the row is locked by the
        // upsert above until this transaction ends)
        var stored = jdbc.sql("""
                select ttft_histogram, duration_histogram, citizens_sketch from admin_daily_activity
                where department_id = ? and day = ?
                """)
                .params(key.departmentId(), key.day())
                .query((rs, n) -> new Object[] {ints(rs.getArray(1)), ints(rs.getArray(2)), rs.getBytes(3)})
                .single();
        var ttft = LatencyHistogram.add((int[]) stored[0], day.ttft);
        var duration = LatencyHistogram.add((int[]) stored[1], day.duration);
        var sketch = (byte[]) stored[2];
        if (day.citizens != null) {
            sketch = CitizenSketch.of(sketch).merge(day.citizens).bytes();
        }
        jdbc.sql("""
                update admin_daily_activity set ttft_histogram = ?, duration_histogram = ?, citizens_sketch = ?
                where department_id = ? and day = ?
                """)
                .params(boxed(ttft), boxed(duration), sketch, key.departmentId(), key.day())
                .update();
    }

    static int[] ints(Array array) throws SQLException {
        if (array == null) {
            return new int[0];
        }
        var values = (Integer[]) array.getArray();
        var out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] == null ? 0 : values[i];
        }
        return out;
    }

    private static Integer[] boxed(int[] values) {
        var out = new Integer[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
