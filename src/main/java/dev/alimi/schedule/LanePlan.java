package dev.alimi.schedule;

import dev.alimi.model.Watch;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The pure scheduling decision of one lane: which watch to check next and when. No threads, no
 * clock of its own: the lane passes "now".
 *
 * <p>A watch is due once its {@code interval} has passed since its last check started. Among due
 * watches the plan goes round-robin in config order, continuing after the last one started, so a
 * tight budget is shared evenly. Starts are spaced by the shared {@link SiteBudget}. Thread-safe.
 */
final class LanePlan {

    /** How long an empty lane waits before looking again (an update wakes it sooner). */
    static final Duration IDLE = Duration.ofMinutes(1);

    /** The plan's answer for "now". */
    sealed interface Step permits Step.Start, Step.Wait {

        /** Start a check of {@code watch} now (after asking the lease). */
        record Start(Watch watch) implements Step {}

        /** Nothing may start before {@code until}. */
        record Wait(Instant until) implements Step {}
    }

    private final SiteBudget budget;
    private List<Watch> watches;
    private final Map<String, Instant> lastStarts = new HashMap<>();
    private String lastStarted;

    LanePlan(SiteBudget budget, List<Watch> watches) {
        this.budget = Objects.requireNonNull(budget, "budget");
        this.watches = List.copyOf(watches);
    }

    /** Replaces the watch list; watches kept by name keep their last check time. */
    synchronized void update(List<Watch> newWatches) {
        this.watches = List.copyOf(newWatches);
        Set<String> names = new HashSet<>();
        newWatches.forEach(w -> names.add(w.name()));
        lastStarts.keySet().retainAll(names);
    }

    synchronized List<Watch> watches() {
        return watches;
    }

    /** When the check of {@code watch} last started, or null. */
    synchronized Instant lastStart(String watch) {
        return lastStarts.get(watch);
    }

    /** What to do at {@code now}; commits nothing. */
    synchronized Step next(Instant now) {
        if (watches.isEmpty()) return new Step.Wait(now.plus(IDLE));
        int n = watches.size();
        int first = (indexOf(lastStarted) + 1) % n;
        Watch pick = null;
        Instant earliestDue = Instant.MAX;
        for (int i = 0; i < n; i++) {
            Watch w = watches.get((first + i) % n);
            Instant due = dueAt(w);
            if (pick == null && !due.isAfter(now)) pick = w;
            if (due.isBefore(earliestDue)) earliestDue = due;
        }
        Instant permitted = budget.nextStart();
        if (now.isBefore(permitted)) return new Step.Wait(max(permitted, earliestDue));
        if (pick != null) return new Step.Start(pick);
        return new Step.Wait(earliestDue);
    }

    /**
     * Records that the check of {@code watch} starts at {@code now}, taking the site budget.
     * False when the budget was taken meanwhile (then nothing is recorded and the lane plans again).
     */
    synchronized boolean start(Watch watch, Instant now) {
        if (!budget.tryStart(now)) return false;
        lastStarts.put(watch.name(), now);
        lastStarted = watch.name();
        return true;
    }

    private Instant dueAt(Watch w) {
        Instant last = lastStarts.get(w.name());
        if (last == null) return Instant.MIN;
        Duration interval = w.interval() == null ? Watch.DEFAULT_INTERVAL : w.interval();
        return interval.isNegative() ? last : last.plus(interval);
    }

    private int indexOf(String name) {
        if (name == null) return -1;
        for (int i = 0; i < watches.size(); i++) {
            if (watches.get(i).name().equals(name)) return i;
        }
        return -1;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
