package dev.alimi.schedule;

import dev.alimi.model.Catalog;
import dev.alimi.model.Site;
import dev.alimi.model.Watch;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The owner of the site set: one {@link SiteLane} per site that has watches. Today this node owns
 * every site; a cluster will start and stop lanes as leases come and go.
 *
 * <p>Keeps one {@link SiteBudget} per site name for its whole life, so a lane restarted after a
 * crash, re-paced, or removed and added back by a reload never bursts. Supervises: a lane whose
 * loop dies is logged and restarted with its plan and budget.
 */
public final class Lanes implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Lanes.class);

    private final CheckTask task;
    private final Lease lease;
    private final Clock clock;
    private final Sleeper sleeper;
    private final BiConsumer<String, Throwable> onLaneDeath;
    private final Map<String, SiteLane> lanes = new ConcurrentHashMap<>();
    private final Map<String, SiteBudget> budgets = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> restarts = new ConcurrentHashMap<>();
    private Set<String> watchNames = Set.of();
    private volatile boolean stopped;

    public Lanes(CheckTask task, Lease lease, Clock clock, Sleeper sleeper) {
        this(task, lease, clock, sleeper, (site, cause) -> {});
    }

    /**
     * With a listener told (site, cause) each time a lane's loop dies, before it is restarted: the
     * wiring uses it to tell the operator on the admin channels.
     */
    public Lanes(CheckTask task, Lease lease, Clock clock, Sleeper sleeper, BiConsumer<String, Throwable> onLaneDeath) {
        this.onLaneDeath = Objects.requireNonNull(onLaneDeath, "onLaneDeath");
        this.task = Objects.requireNonNull(task, "task");
        this.lease = Objects.requireNonNull(lease, "lease");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** Makes the running lanes match the catalog: start new sites, stop removed ones, update changed ones. */
    public synchronized Reconciliation apply(Catalog catalog) {
        if (stopped) throw new IllegalStateException("lanes are stopped");
        List<String> started = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> stoppedSites = new ArrayList<>();
        Map<String, List<Watch>> wanted = new LinkedHashMap<>();
        for (Site site : catalog.sites().values()) {
            List<Watch> watches = catalog.watchesOf(site.name());
            if (!watches.isEmpty()) wanted.put(site.name(), watches);
        }
        for (String name : List.copyOf(lanes.keySet())) {
            if (!wanted.containsKey(name)) {
                lanes.remove(name).stop();
                stoppedSites.add(name);
            }
        }
        for (Map.Entry<String, List<Watch>> e : wanted.entrySet()) {
            Site site = catalog.sites().get(e.getKey());
            SiteLane lane = lanes.get(site.name());
            if (lane == null) {
                lanes.put(site.name(), startLane(site, e.getValue()));
                started.add(site.name());
            } else if (!lane.site().equals(site) || !lane.watches().equals(e.getValue())) {
                lane.update(site, e.getValue());
                updated.add(site.name());
            }
        }
        Set<String> names = new HashSet<>();
        catalog.watches().forEach(w -> names.add(w.name()));
        Set<String> removed = new HashSet<>(watchNames);
        removed.removeAll(names);
        watchNames = names;
        if (!started.isEmpty() || !updated.isEmpty() || !stoppedSites.isEmpty()) {
            log.info("lanes: started {}, updated {}, stopped {}", started, updated, stoppedSites);
        }
        return new Reconciliation(started, updated, stoppedSites, removed);
    }

    private SiteLane startLane(Site site, List<Watch> watches) {
        SiteBudget budget = budgets.computeIfAbsent(site.name(), n -> new SiteBudget(site.rate()));
        SiteLane[] self = new SiteLane[1];
        self[0] = new SiteLane(site, watches, budget, task, lease, clock, sleeper, e -> died(site.name(), self[0], e));
        return self[0].start();
    }

    private void died(String site, SiteLane lane, Throwable cause) {
        // the lane may die before apply() has put it in the map, so its own stop flag decides
        if (stopped) return;
        int n = restarts.computeIfAbsent(site, s -> new AtomicInteger()).incrementAndGet();
        log.error("lane of site {} died (restart #{}); restarting with its budget", site, n, cause);
        try {
            onLaneDeath.accept(site, cause);
        } catch (RuntimeException e) {
            log.warn("lane death listener failed for site {}: {}", site, e.toString());
        } finally {
            lane.restart();
        }
    }

    /** Stops every lane, waiting briefly for checks in flight. */
    public synchronized void stop() {
        stopped = true;
        lanes.values().forEach(SiteLane::stop);
        lanes.clear();
    }

    @Override
    public void close() {
        stop();
    }

    /** The sites with a lane, running or restarting. */
    public Set<String> sites() {
        return Set.copyOf(lanes.keySet());
    }

    /** The lane of one site, or null. */
    public SiteLane lane(String site) {
        return lanes.get(site);
    }

    /** The budget of one site, or null when it never had a lane. */
    public SiteBudget budget(String site) {
        return budgets.get(site);
    }

    /** The status of every lane, by site name. */
    public List<LaneStatus> status() {
        List<LaneStatus> list = new ArrayList<>();
        lanes.forEach((site, lane) -> list.add(new LaneStatus(site, lane.isRunning(), lane.budget().rate(),
                lane.watches().size(), lane.inFlight(), lane.budget().lastStart(), restarts(site))));
        list.sort(Comparator.comparing(LaneStatus::site));
        return list;
    }

    /** How many times the lane of {@code site} was restarted after dying. */
    public int restarts(String site) {
        AtomicInteger n = restarts.get(site);
        return n == null ? 0 : n.get();
    }
}
