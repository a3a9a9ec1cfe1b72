package org.govchat.department;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class DepartmentCatalogTests {

    private static final Duration TTL = Duration.ofSeconds(3);

    @Autowired
    DepartmentRepository departments;

    @Autowired
    AssistantProfileRepository profiles;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DepartmentCatalog sharedCatalog;

    /**
     * The department table is locked (as a long migration or a slow database would) around the moment the
     * first snapshot reaches its full age. A catalogue that re-reads only then makes the question arriving at
     * that moment wait for the lock; this one re-read in the background at half the age, so no question waits,
     * and a change made meanwhile is served without anyone having waited for it.
     */
    @Test
    void questionsKeepBeingAnsweredFromTheSnapshotWhileItIsReReadInTheBackground() throws Exception {
        var catalog =
                new DepartmentCatalog(departments, profiles, transactions, new DepartmentCatalog.CacheProperties(TTL));
        var original = catalog.get("transport").names().en();
        var start = System.nanoTime();
        var locked = new CountDownLatch(1);
        var lockHeld = new AtomicBoolean();
        try {
            jdbc.sql("update department set name_en = ? where id = 'transport'")
                    .param(original + " (renamed)")
                    .update();
            // from 2.6 s to 3.9 s after the first read: across the moment (3 s) the first snapshot is fully aged
            var locker = Thread.ofVirtual().start(() -> holdDepartmentLock(start, lockHeld, locked));
            var slowest = Duration.ZERO;
            var served = new ArrayList<String>();
            while (System.nanoTime() - start < Duration.ofMillis(4_600).toNanos()) {
                var before = System.nanoTime();
                served.add(catalog.get("transport").names().en());
                var took = Duration.ofNanos(System.nanoTime() - before);
                if (took.compareTo(slowest) > 0) {
                    slowest = took;
                }
                Thread.sleep(50);
            }
            locker.join();

            assertThat(lockHeld).as("the department table was locked").isTrue();
            assertThat(slowest).as("the slowest catalogue answer").isLessThan(Duration.ofMillis(450));
            assertThat(served.getFirst()).isEqualTo(original);
            assertThat(served.getLast()).isEqualTo(original + " (renamed)");
        } finally {
            locked.await(10, TimeUnit.SECONDS);
            jdbc.sql("update department set name_en = ? where id = 'transport'")
                    .param(original)
                    .update();
            sharedCatalog.refresh();
        }
    }

    private void holdDepartmentLock(long start, AtomicBoolean lockHeld, CountDownLatch done) {
        try (var connection = dataSource.getConnection()) {
            sleepUntil(start, 2_600);
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                statement.execute("lock table department in access exclusive mode");
                lockHeld.set(true);
                sleepUntil(start, 3_900);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            done.countDown();
        }
    }

    private static void sleepUntil(long start, long millis) throws InterruptedException {
        var left = Duration.ofMillis(millis).minusNanos(System.nanoTime() - start);
        if (left.isPositive()) {
            Thread.sleep(left);
        }
    }
}
