package org.govchat.department;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The department module's public face: which departments exist and how their assistants are set up.
 *
 * <p>Every chat turn asks these questions, so the answers are served from an in-memory snapshot of all
 * departments and their active profiles, re-read from PostgreSQL when it is older than
 * {@code govchat.departments.cache-ttl} (2 s): a change made on any replica (a kill switch, a new
 * profile version) takes effect everywhere within that time, and at once here after {@link #refresh()}.
 *
 * <p>Once a snapshot is half that age, the next question starts re-reading it in the background and is
 * answered from the snapshot it has: while questions keep coming, none of them waits for the catalogue (a
 * re-read inside a question held up every question arriving meanwhile, and kept the first one's database
 * connection and conversation lock). A question only waits for the catalogue when there is none yet, after
 * {@link #refresh()}, or when the snapshot reached its full age, e.g. after a quiet spell.
 */
@Service
public class DepartmentCatalog {

    private static final Logger log = LoggerFactory.getLogger(DepartmentCatalog.class);

    @ConfigurationProperties("govchat.departments")
    record CacheProperties(@DefaultValue("2s") Duration cacheTtl) {}

    private record Snapshot(
            List<DepartmentView> ordered,
            Map<String, DepartmentView> byId,
            Map<String, AssistantProfileView> profiles,
            long loadedAt) {}

    private final DepartmentRepository departments;
    private final AssistantProfileRepository profiles;
    private final TransactionTemplate readOnly;
    private final long ttlNanos;
    private volatile Snapshot snapshot;
    // bumped by refresh(): a load that began before a refresh must not install what it read
    private final AtomicLong generation = new AtomicLong();
    // one background re-read at a time
    private final AtomicBoolean reloading = new AtomicBoolean();

    DepartmentCatalog(
            DepartmentRepository departments,
            AssistantProfileRepository profiles,
            PlatformTransactionManager transactions,
            CacheProperties cache) {
        this.departments = departments;
        this.profiles = profiles;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.ttlNanos = cache.cacheTtl().toNanos();
    }

    /** Every department, ordered by English name. */
    public List<DepartmentView> all() {
        return current().ordered();
    }

    /** The departments with these ids (unknown ids are left out), ordered by English name. */
    public List<DepartmentView> byIds(Collection<String> departmentIds) {
        return current().ordered().stream()
                .filter(d -> departmentIds.contains(d.id()))
                .toList();
    }

    /** @throws DepartmentNotFound when there is no such department */
    public DepartmentView get(String departmentId) {
        var department = current().byId().get(departmentId);
        if (department == null) {
            throw new DepartmentNotFound(departmentId);
        }
        return department;
    }

    /** @throws DepartmentNotFound when there is no such department or it has no active profile */
    public AssistantProfileView activeProfile(String departmentId) {
        var profile = current().profiles().get(departmentId);
        if (profile == null) {
            throw new DepartmentNotFound(departmentId);
        }
        return profile;
    }

    /** Forgets the snapshot: the next question re-reads PostgreSQL (after a change, and in tests). */
    public void refresh() {
        generation.incrementAndGet();
        snapshot = null;
    }

    private Snapshot current() {
        var known = snapshot;
        if (known != null) {
            var age = System.nanoTime() - known.loadedAt();
            if (age < ttlNanos) {
                if (age >= ttlNanos / 2) {
                    reloadInBackground();
                }
                return known;
            }
        }
        synchronized (this) {
            known = snapshot;
            if (known == null || System.nanoTime() - known.loadedAt() >= ttlNanos) {
                known = reload();
            }
            return known;
        }
    }

    /** Reads a new snapshot and installs it, unless a refresh came meanwhile. Called holding the monitor. */
    private Snapshot reload() {
        var loading = generation.get();
        var fresh = readOnly.execute(status -> load());
        if (generation.get() == loading) {
            snapshot = fresh;
        }
        return fresh;
    }

    private void reloadInBackground() {
        if (!reloading.compareAndSet(false, true)) {
            return;
        }
        try {
            Thread.ofVirtual().name("department-catalog").start(() -> {
                try {
                    synchronized (this) {
                        reload();
                    }
                } catch (RuntimeException e) {
                    // the snapshot stays; a question that finds it at its full age re-reads it and sees the error
                    log.debug("Re-reading the department catalogue failed: {}", e.toString());
                } finally {
                    reloading.set(false);
                }
            });
        } catch (RuntimeException | Error e) {
            reloading.set(false);
            throw e;
        }
    }

    private Snapshot load() {
        var all = departments.findAllByOrderByNameEnAsc();
        Map<String, AssistantProfile> active =
                profiles
                        .findByDepartmentIdInAndActiveTrue(
                                all.stream().map(Department::id).toList())
                        .stream()
                        .collect(Collectors.toMap(AssistantProfile::departmentId, Function.identity()));
        var ordered = new ArrayList<DepartmentView>();
        var byId = new LinkedHashMap<String, DepartmentView>();
        var activeProfiles = new LinkedHashMap<String, AssistantProfileView>();
        for (var department : all) {
            var profile = active.get(department.id());
            var view = toView(department, profile);
            ordered.add(view);
            byId.put(view.id(), view);
            if (profile != null) {
                activeProfiles.put(view.id(), profile.toView());
            }
        }
        return new Snapshot(List.copyOf(ordered), Map.copyOf(byId), Map.copyOf(activeProfiles), System.nanoTime());
    }

    private static DepartmentView toView(Department department, AssistantProfile profile) {
        var greeting = profile != null ? profile.greeting() : new LocalizedText("", "", "");
        var backends = new ArrayList<String>();
        if (profile != null) {
            var view = profile.toView();
            backends.add(view.backendId());
            backends.addAll(view.fallbackBackends());
        }
        return new DepartmentView(
                department.id(),
                department.names(),
                greeting,
                department.active() && profile != null,
                department.retentionDays(),
                List.copyOf(backends));
    }
}
