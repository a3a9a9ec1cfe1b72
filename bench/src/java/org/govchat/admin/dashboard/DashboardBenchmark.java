package org.govchat.admin.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import org.govchat.GovchatApplication;
import org.govchat.support.CitizenClient;
import org.govchat.support.MockSignInProvider;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The admin dashboard over 1,000,000 messages: starts the app (embedded PostgreSQL, officers signing in at
 * an in-JVM mock-oauth2-server), seeds 250,000 citizen conversations with 4 messages each in SQL
 * ({@code generate_series}, through the real triggers), folds the rollups, signs a platform admin in and
 * times the dashboard endpoint over HTTP, request after request. See bench/README.md.
 */
public final class DashboardBenchmark {

    private static final int CONVERSATIONS = Integer.getInteger("bench.conversations", 250_000);
    private static final int WARM_UP = Integer.getInteger("bench.warmup", 200);
    private static final int REQUESTS = Integer.getInteger("bench.requests", 500);

    private DashboardBenchmark() {}

    public static void main(String[] args) throws Exception {
        var app = new SpringApplicationBuilder(GovchatApplication.class)
                .run(
                        "--server.port=0",
                        "--govchat.embedded-postgres.ephemeral=true",
                        "--govchat.identity.oidc.issuer-uri=" + MockSignInProvider.issuer(),
                        "--govchat.identity.oidc.client-id=" + MockSignInProvider.CLIENT_ID,
                        "--govchat.identity.oidc.client-secret=" + MockSignInProvider.CLIENT_SECRET,
                        "--govchat.identity.rate-limits.enabled=false",
                        "--govchat.admin.dashboard.fold-interval=1h",
                        "--govchat.admin.dashboard.fold-batch=20000",
                        "--logging.level.root=warn");
        try {
            var jdbc = app.getBean(JdbcClient.class);
            var port = ((WebServerApplicationContext) app).getWebServer().getPort();
            seed(jdbc);
            var rollup = app.getBean(StatsRollup.class);
            var folding = Instant.now();
            long folded = 0;
            int batch;
            while ((batch = rollup.foldBatch()) > 0) {
                folded += batch;
            }
            System.out.printf(
                    "folded %,d facts into the daily rollups in %.1f s%n",
                    folded, Duration.between(folding, Instant.now()).toMillis() / 1000.0);
            System.out.printf(
                    "rows: %,d messages, %,d conversations, %,d feedback, %,d rollup days%n",
                    count(jdbc, "message"),
                    count(jdbc, "conversation"),
                    count(jdbc, "feedback"),
                    count(jdbc, "admin_daily_activity"));

            var admin = new CitizenClient(port);
            MockSignInProvider.signIn(admin, MockSignInProvider.TestOfficer.withGroups("bench-operator", "/platform-admins"));
            var today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Hong_Kong"));
            var base = "/api/v1/admin/departments/immigration/dashboard";
            measure(admin, "dashboard, last 30 days", base + "?from=" + today.minusDays(29) + "&to=" + today);
            measure(admin, "dashboard, last 90 days (all 1,000,000 messages)", base + "?from=" + today.minusDays(89) + "&to=" + today);
            measure(admin, "dashboard, 366 days", base + "?from=" + today.minusDays(365) + "&to=" + today);
            var review = "/api/v1/admin/departments/immigration/conversations";
            measure(admin, "review list, first page of 25", review + "?limit=25");
            measure(admin, "review list, text search (3+ characters)", review + "?limit=25&q=renewal%20form%2012");
        } finally {
            app.close();
            System.exit(0);
        }
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static void seed(JdbcClient jdbc) {
        var started = Instant.now();
        // 250,000 conversations over the last 90 days, 60,000 different citizens, four languages
        jdbc.sql("""
                insert into conversation (id, department_id, channel, owner_ref, language, status, title, created_at,
                                          last_activity_at)
                select gen_random_uuid(), 'immigration', 'CITIZEN', 'bench-citizen-' || (g % 60000),
                       (array['en', 'yue-Hant', 'zh-Hant', 'zh-Hans'])[1 + g % 4], 'ACTIVE', 'Bench question ' || g,
                       ts, ts + interval '1 minute'
                from (select g, now() - (g % 90) * interval '1 day' - (g % 80000) * interval '1 second' as ts
                      from generate_series(1, ?) g) s
                """).param(CONVERSATIONS).update();
        // every conversation: question, answer, question, answer
        jdbc.sql("""
                insert into message (id, conversation_id, seq, role, content, language, status, backend, model,
                                     tokens_in, tokens_out, time_to_first_token_ms, duration_ms, created_at,
                                     completed_at)
                select gen_random_uuid(), c.id, s.seq, case when s.seq % 2 = 1 then 'USER' else 'ASSISTANT' end,
                       case when s.seq % 2 = 1 then 'How do I get a passport renewal form ' || (r * 100)::int
                            else 'You need the renewal form ' || (r * 100)::int || ' and your identity card.' end,
                       c.language,
                       case when s.seq % 2 = 1 then 'COMPLETE' when r < 0.03 then 'FAILED'
                            when r < 0.05 then 'CANCELLED' when r < 0.06 then 'PARTIAL' else 'COMPLETE' end,
                       case when s.seq % 2 = 0 then (case when r < 0.5 then 'default' else 'gpu-pool' end) end,
                       case when s.seq % 2 = 0 then (case when r < 0.5 then 'qwen2.5:7b-instruct' else 'Qwen/Qwen2.5-14B' end) end,
                       case when s.seq % 2 = 0 then 200 + (r * 800)::int end,
                       case when s.seq % 2 = 0 then 50 + (r * 400)::int end,
                       case when s.seq % 2 = 0 and r >= 0.03 then 120 + (r * 900)::int end,
                       case when s.seq % 2 = 0 then 800 + (r * 6000)::int end,
                       c.created_at + s.seq * interval '5 seconds', c.created_at + s.seq * interval '5 seconds'
                from conversation c cross join generate_series(1, 4) s(seq)
                     cross join lateral (select random() + s.seq * 0 as r) rnd
                where c.owner_ref like 'bench-citizen-%'
                """).update();
        // ratings on one answer in ten, escalation of one conversation in twenty
        jdbc.sql("""
                insert into feedback (message_id, rating)
                select id, case when random() < 0.8 then 'UP' else 'DOWN' end from message
                where role = 'ASSISTANT' and random() < 0.1
                """).update();
        jdbc.sql("""
                update conversation set status = 'ESCALATED'
                where owner_ref like 'bench-citizen-%' and random() < 0.05
                """).update();
        System.out.printf("seeded in %.1f s%n", Duration.between(started, Instant.now()).toMillis() / 1000.0);
        jdbc.sql("analyze").update();
    }

    private static void measure(CitizenClient client, String label, String path) {
        for (int i = 0; i < WARM_UP; i++) {
            check(client.get(path), path);
        }
        var millis = new ArrayList<Double>();
        for (int i = 0; i < REQUESTS; i++) {
            var start = System.nanoTime();
            check(client.get(path), path);
            millis.add((System.nanoTime() - start) / 1_000_000.0);
        }
        var sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(
                "%-52s n=%d  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n",
                label, REQUESTS, at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted[sorted.length - 1]);
    }

    private static void check(CitizenClient.Reply reply, String path) {
        if (reply.status() != 200) {
            throw new IllegalStateException(path + " answered " + reply.status() + ": " + reply.body());
        }
    }

    private static double at(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
