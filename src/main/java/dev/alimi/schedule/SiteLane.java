package dev.alimi.schedule;

import dev.alimi.model.Site;
import dev.alimi.model.Watch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One site's worker: a loop on a virtual thread that starts checks of the site's watches, paced
 * to the site's budget.
 *
 * <p>The loop only decides and starts; each check runs on its own virtual thread, so a slow
 * response never delays the next start. At most {@code site.maxInFlight()} checks run at once;
 * when all are busy the loop waits, and since the budget earns no credit while waiting, it never
 * bursts afterwards. A check's exception is logged and never ends the loop. If the loop itself
 * dies, the {@code onDeath} callback is told (the owner restarts it with {@link #restart}).
 */
public final class SiteLane {

    private static final Logger log = LoggerFactory.getLogger(SiteLane.class);

    /** How long a lane whose lease is refused waits before asking again, at least. */
    static final Duration LEASE_RETRY = Duration.ofSeconds(1);
    /** How long a restarted loop waits before planning, so a recurring fault cannot spin. */
    static final Duration RESTART_DELAY = Duration.ofSeconds(1);

    private final SiteBudget budget;
    private final LanePlan plan;
    private final CheckTask task;
    private final Lease lease;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Executor checkRunner;
    private final Consumer<Throwable> onDeath;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private int inFlight;
    private int maxInFlight;
    private volatile Site site;
    private volatile boolean stopped;
    private volatile Thread thread;

    /** A lane whose loop death is only logged; {@link Lanes} supervises with the full constructor. */
    public SiteLane(Site site, List<Watch> watches, SiteBudget budget, CheckTask task, Lease lease, Clock clock,
            Sleeper sleeper) {
        this(site, watches, budget, task, lease, clock, sleeper,
                e -> log.error("lane of site {} died", site.name(), e));
    }

    public SiteLane(Site site, List<Watch> watches, SiteBudget budget, CheckTask task, Lease lease, Clock clock,
            Sleeper sleeper, Consumer<Throwable> onDeath) {
        this(site, watches, budget, task, lease, clock, sleeper, onDeath, virtualThreadPerCheck(site.name()));
    }

    /** With a chosen runner for checks: tests run them inline to keep a fake clock deterministic. */
    SiteLane(Site site, List<Watch> watches, SiteBudget budget, CheckTask task, Lease lease, Clock clock,
            Sleeper sleeper, Consumer<Throwable> onDeath, Executor checkRunner) {
        this.site = Objects.requireNonNull(site, "site");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.plan = new LanePlan(budget, watches);
        this.task = Objects.requireNonNull(task, "task");
        this.lease = Objects.requireNonNull(lease, "lease");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.onDeath = Objects.requireNonNull(onDeath, "onDeath");
        this.checkRunner = Objects.requireNonNull(checkRunner, "checkRunner");
        this.maxInFlight = Math.max(1, site.maxInFlight());
        budget.repace(site.rate());
    }

    private static Executor virtualThreadPerCheck(String siteName) {
        return command -> Thread.ofVirtual().name("check-" + siteName).start(command);
    }

    /** Starts the loop; a lane is started once. */
    public synchronized SiteLane start() {
        if (thread != null) throw new IllegalStateException("lane of site " + site.name() + " already started");
        thread = spawn(Duration.ZERO);
        return this;
    }

    /** Starts a new loop after the previous one died; the plan and budget carry over. */
    public synchronized void restart() {
        if (stopped) return;
        Thread old = thread;
        if (old != null && old.isAlive() && old != Thread.currentThread()) {
            throw new IllegalStateException("lane of site " + site.name() + " is still running");
        }
        thread = spawn(RESTART_DELAY);
    }

    private Thread spawn(Duration delay) {
        return Thread.ofVirtual().name("lane-" + site.name()).start(() -> loop(delay));
    }

    /** Re-paces and replaces the watch list in place; kept watches keep their last check time. */
    public void update(Site newSite, List<Watch> watches) {
        if (!newSite.name().equals(site.name())) {
            throw new IllegalArgumentException("lane of site " + site.name() + " cannot take site " + newSite.name());
        }
        lock.lock();
        try {
            site = newSite;
            budget.repace(newSite.rate());
            plan.update(watches);
            maxInFlight = Math.max(1, newSite.maxInFlight());
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        Thread t = thread;
        if (t != null) LockSupport.unpark(t);
    }

    /** Ends the loop and waits briefly (up to the site's timeout) for checks in flight. */
    public void stop() {
        Thread t;
        synchronized (this) {
            stopped = true;
            t = thread;
        }
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        boolean interrupted = false;
        try {
            if (t != null && t != Thread.currentThread()) {
                t.interrupt();
                t.join(Duration.ofSeconds(1));
            }
            awaitInFlight(site.timeout().plusMillis(500));
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    private void awaitInFlight(Duration grace) throws InterruptedException {
        lock.lock();
        try {
            long nanos = grace.toNanos();
            while (inFlight > 0 && nanos > 0) nanos = changed.awaitNanos(nanos);
            if (inFlight > 0) log.warn("lane of site {} stopped with {} checks still in flight", site.name(), inFlight);
        } finally {
            lock.unlock();
        }
    }

    public Site site() {
        return site;
    }

    public List<Watch> watches() {
        return plan.watches();
    }

    public SiteBudget budget() {
        return budget;
    }

    /** Checks running now. */
    public int inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }

    /** When the check of {@code watch} last started, or null. */
    public Instant lastCheckStart(String watch) {
        return plan.lastStart(watch);
    }

    /** True while the loop thread runs. */
    public boolean isRunning() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    private void loop(Duration delay) {
        try {
            Instant resumeAt = clock.instant().plus(delay);
            while (!stopped && clock.instant().isBefore(resumeAt)) sleeper.sleepUntil(resumeAt, clock);
            run();
        } catch (Throwable e) {
            // an interrupt that is not a stop is a death too: a lane must never end silently
            if (!stopped) onDeath.accept(e);
        }
    }

    private void run() throws InterruptedException {
        while (!stopped) {
            if (!awaitFreeSlot()) return;
            Instant now = clock.instant();
            switch (plan.next(now)) {
                case LanePlan.Step.Wait wait -> sleeper.sleepUntil(wait.until(), clock);
                case LanePlan.Step.Start start -> {
                    if (!leaseGranted()) {
                        sleeper.sleepUntil(now.plus(leaseRetry()), clock);
                    } else if (!stopped && plan.start(start.watch(), now)) {
                        launch(start.watch());
                    }
                }
            }
        }
    }

    private Duration leaseRetry() {
        Duration spacing = budget.rate().spacing();
        return spacing.compareTo(LEASE_RETRY) > 0 ? spacing : LEASE_RETRY;
    }

    private boolean leaseGranted() {
        try {
            return lease.mayRequest(site.name());
        } catch (RuntimeException e) {
            log.warn("lease check for site {} failed, not requesting: {}", site.name(), e.toString());
            return false;
        }
    }

    private boolean awaitFreeSlot() throws InterruptedException {
        lock.lock();
        try {
            while (inFlight >= maxInFlight && !stopped) changed.await();
            return !stopped;
        } finally {
            lock.unlock();
        }
    }

    private void launch(Watch watch) {
        lock.lock();
        try {
            inFlight++;
        } finally {
            lock.unlock();
        }
        try {
            checkRunner.execute(() -> runCheck(watch));
        } catch (RuntimeException | Error e) {
            finished();
            throw e;
        }
    }

    private void runCheck(Watch watch) {
        try {
            task.check(watch);
        } catch (Throwable e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            log.warn("check of watch {} on site {} failed: {}", watch.name(), site.name(), e.toString());
            log.debug("check failure detail", e);
        } finally {
            finished();
        }
    }

    private void finished() {
        lock.lock();
        try {
            inFlight--;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "SiteLane[" + site.name() + ", " + budget.rate() + ", " + plan.watches().size() + " watches]";
    }
}
