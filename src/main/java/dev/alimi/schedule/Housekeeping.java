package dev.alimi.schedule;

import dev.alimi.store.Retention;
import dev.alimi.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the store bounded while the service runs for weeks: prunes the observation log once at
 * start and then every {@code every}, so retention holds without a restart.
 */
public final class Housekeeping implements AutoCloseable {

    /** How often a running service prunes. */
    public static final Duration EVERY = Duration.ofHours(1);

    private static final Logger log = LoggerFactory.getLogger("alimi");

    private final Store store;
    private final Retention retention;
    private final Duration every;
    private final Clock clock;
    private final Sleeper sleeper;
    private Thread thread;

    public Housekeeping(Store store, Retention retention, Duration every, Clock clock, Sleeper sleeper) {
        this.store = Objects.requireNonNull(store, "store");
        this.retention = Objects.requireNonNull(retention, "retention");
        if (every.isNegative() || every.isZero()) throw new IllegalArgumentException("every must be positive, got " + every);
        this.every = every;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** Prunes now, then on a virtual thread every {@code every} until {@link #close()}. */
    public synchronized void start() {
        if (thread != null) return;
        pruneOnce();
        thread = Thread.ofVirtual().name("alimi-housekeeping").start(this::run);
    }

    /** The loop of the housekeeping thread; returns when interrupted. */
    void run() {
        var next = clock.instant().plus(every);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                sleeper.sleepUntil(next, clock);
            } catch (InterruptedException e) {
                return;
            }
            if (clock.instant().isBefore(next)) continue; // woken early: plan again
            pruneOnce();
            next = clock.instant().plus(every);
        }
    }

    /** One prune; a failing store is logged and tried again next time, never ends the loop. */
    long pruneOnce() {
        try {
            long pruned = store.observations().prune(clock.instant(), retention);
            if (pruned > 0) log.debug("pruned {} old observations", pruned);
            return pruned;
        } catch (RuntimeException e) {
            log.warn("pruning old observations failed, will try again in {}: {}", every, e.toString());
            return 0;
        }
    }

    @Override
    public synchronized void close() {
        if (thread == null) return;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }
}
