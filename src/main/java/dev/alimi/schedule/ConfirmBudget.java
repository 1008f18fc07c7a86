package dev.alimi.schedule;

import java.time.Clock;
import java.util.function.Function;

/**
 * Pays for the extra requests of {@code confirm-in}: a re-check made at once, outside the watch's turn,
 * still takes a slot of the site's budget, so confirming never lets a site see more than its rate.
 */
@FunctionalInterface
public interface ConfirmBudget {

    /** No pacing: for a pipeline without lanes. */
    ConfirmBudget FREE = site -> { };

    /** Waits for and takes the next request slot of {@code site}. */
    void acquire(String site) throws InterruptedException;

    /** Takes slots from the lanes' budgets (the ones the site's lane paces itself by), waiting on {@code sleeper}. */
    static ConfirmBudget paced(Function<String, SiteBudget> budgets, Clock clock, Sleeper sleeper) {
        return site -> {
            SiteBudget budget = budgets.apply(site);
            if (budget == null) return;
            while (!budget.tryStart(clock.instant())) sleeper.sleepUntil(budget.nextStart(), clock);
        };
    }
}
