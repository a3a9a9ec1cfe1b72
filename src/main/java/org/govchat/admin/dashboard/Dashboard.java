package org.govchat.admin.dashboard;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.govchat.admin.DepartmentAdministration;
import org.govchat.identity.DepartmentAccess;
import org.govchat.identity.DepartmentScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * How a department's assistant served citizens over a date range (local days of the city), read from the
 * daily rollups only: the answer costs the same for a quiet week and for a million messages, and stays
 * the same after the conversations behind it are erased.
 */
@Service
class Dashboard {

    static final int MAX_DAYS = 366;

    record Day(
            LocalDate date,
            int conversations,
            int citizens,
            int questions,
            int answers,
            int staffReplies,
            int messages,
            int escalated,
            int ratedUp,
            int ratedDown) {}

    /**
     * @param escalatedShare escalated conversations / conversations started ({@code null} without any)
     * @param satisfaction thumbs up / all ratings ({@code null} without any)
     * @param failureRate failed or interrupted answers / answers
     * @param cancelRate answers stopped by the citizen / answers
     */
    record Totals(
            long conversations,
            long citizens,
            long messages,
            long questions,
            long answers,
            long staffReplies,
            long escalated,
            Double escalatedShare,
            long ratedUp,
            long ratedDown,
            Double satisfaction,
            long answersComplete,
            long answersPartial,
            long answersFailed,
            long answersCancelled,
            Double failureRate,
            Double cancelRate) {}

    record LanguageShare(String language, long questions, double share) {}

    /** @param p50Ms @param p95Ms within 5 % (log-scale histogram buckets); {@code null} without data */
    record Latency(long count, Integer p50Ms, Integer p95Ms) {}

    /**
     * @param timeToFirstToken every answer that produced text
     * @param duration complete answers, from the question to the last token
     */
    record Latencies(Latency timeToFirstToken, Latency duration) {}

    record ModelUsage(String backend, String model, long answers, long tokensIn, long tokensOut) {}

    record View(
            String departmentId,
            LocalDate from,
            LocalDate to,
            String timeZone,
            List<Day> days,
            Totals totals,
            List<LanguageShare> languages,
            Latencies latency,
            List<ModelUsage> models) {}

    private final DepartmentAdministration departments;
    private final DepartmentAccess access;
    private final StatsRollup rollup;
    private final JdbcClient jdbc;
    private final DashboardProperties properties;

    Dashboard(
            DepartmentAdministration departments,
            DepartmentAccess access,
            StatsRollup rollup,
            JdbcClient jdbc,
            DashboardProperties properties) {
        this.departments = departments;
        this.access = access;
        this.rollup = rollup;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    LocalDate today() {
        return LocalDate.now(properties.timeZone());
    }

    /** @throws InvalidDateRange when {@code from} is after {@code to} or the range is over a year */
    View of(String departmentId, LocalDate from, LocalDate to) {
        departments.require(departmentId);
        if (from.isAfter(to) || ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new InvalidDateRange(MAX_DAYS);
        }
        rollup.foldPending();
        return read(departmentId, access.administered(), from, to);
    }

    /** Reads within the admin's scope too: a department outside it has no rows, whatever was asked. */
    private View read(String departmentId, DepartmentScope scope, LocalDate from, LocalDate to) {
        record Row(
                LocalDate day,
                int conversations,
                int escalated,
                int questions,
                int staffReplies,
                int complete,
                int partial,
                int failed,
                int cancelled,
                int up,
                int down,
                int[] ttft,
                int[] duration,
                byte[] citizens) {}
        var rows = new LinkedHashMap<LocalDate, Row>();
        jdbc.sql("""
                select day, conversations, escalated, questions, staff_replies, answers_complete, answers_partial,
                       answers_failed, answers_cancelled, rated_up, rated_down, ttft_histogram, duration_histogram,
                       citizens_sketch
                from admin_daily_activity where department_id = ? and (?::boolean or department_id = any(?::text[])) and day between ? and ? order by day
                """)
                .params(departmentId, scope.everyDepartment(), scope.departmentIdArray(), from, to)
                .query((rs, n) -> new Row(
                        rs.getObject(1, LocalDate.class),
                        rs.getInt(2),
                        rs.getInt(3),
                        rs.getInt(4),
                        rs.getInt(5),
                        rs.getInt(6),
                        rs.getInt(7),
                        rs.getInt(8),
                        rs.getInt(9),
                        rs.getInt(10),
                        rs.getInt(11),
                        StatsRollup.ints(rs.getArray(12)),
                        StatsRollup.ints(rs.getArray(13)),
                        rs.getBytes(14)))
                .list()
                .forEach(row -> rows.put(row.day(), row));

        var days = new ArrayList<Day>();
        var allCitizens = new CitizenSketch();
        int[] ttft = new int[0];
        int[] duration = new int[0];
        long conversations = 0, escalated = 0, questions = 0, staffReplies = 0, up = 0, down = 0;
        long complete = 0, partial = 0, failed = 0, cancelled = 0;
        for (var date = from; !date.isAfter(to); date = date.plusDays(1)) {
            var row = rows.get(date);
            if (row == null) {
                days.add(new Day(date, 0, 0, 0, 0, 0, 0, 0, 0, 0));
                continue;
            }
            var citizens = 0L;
            if (row.citizens() != null) {
                var sketch = CitizenSketch.of(row.citizens());
                citizens = sketch.estimate();
                allCitizens.merge(sketch);
            }
            var answers = row.complete() + row.partial() + row.failed() + row.cancelled();
            days.add(new Day(
                    date,
                    row.conversations(),
                    (int) citizens,
                    row.questions(),
                    answers,
                    row.staffReplies(),
                    row.questions() + answers + row.staffReplies(),
                    row.escalated(),
                    row.up(),
                    row.down()));
            conversations += row.conversations();
            escalated += row.escalated();
            questions += row.questions();
            staffReplies += row.staffReplies();
            up += row.up();
            down += row.down();
            complete += row.complete();
            partial += row.partial();
            failed += row.failed();
            cancelled += row.cancelled();
            ttft = LatencyHistogram.add(ttft, row.ttft());
            duration = LatencyHistogram.add(duration, row.duration());
        }
        var answers = complete + partial + failed + cancelled;
        var totals = new Totals(
                conversations,
                conversations == 0 ? 0 : allCitizens.estimate(),
                questions + answers + staffReplies,
                questions,
                answers,
                staffReplies,
                escalated,
                ratio(escalated, conversations),
                up,
                down,
                ratio(up, up + down),
                complete,
                partial,
                failed,
                cancelled,
                ratio(failed + partial, answers),
                ratio(cancelled, answers));

        var asked = questions;
        var languages = jdbc
                .sql("""
                select language, sum(questions) from admin_daily_language
                where department_id = ? and (?::boolean or department_id = any(?::text[])) and day between ? and ? group by language order by 2 desc, 1
                """)
                .params(departmentId, scope.everyDepartment(), scope.departmentIdArray(), from, to)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2)})
                .list()
                .stream()
                .map(r -> new LanguageShare((String) r[0], (Long) r[1], asked == 0 ? 0 : (Long) r[1] / (double) asked))
                .toList();
        var models = jdbc.sql("""
                select backend, model, sum(answers), sum(tokens_in), sum(tokens_out) from admin_daily_model
                where department_id = ? and (?::boolean or department_id = any(?::text[])) and day between ? and ? group by backend, model order by 3 desc, 1, 2
                """)
                .params(departmentId, scope.everyDepartment(), scope.departmentIdArray(), from, to)
                .query((rs, n) ->
                        new ModelUsage(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .list();
        return new View(
                departmentId,
                from,
                to,
                properties.timeZone().getId(),
                List.copyOf(days),
                totals,
                languages,
                new Latencies(latency(ttft), latency(duration)),
                models);
    }

    private static Latency latency(int[] histogram) {
        return new Latency(
                LatencyHistogram.count(histogram),
                LatencyHistogram.percentile(histogram, 0.5),
                LatencyHistogram.percentile(histogram, 0.95));
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : part / (double) whole;
    }
}
