package dev.alimi.track;

import dev.alimi.model.Availability;
import java.time.Instant;
import java.util.Objects;

/**
 * A read-only snapshot of what the tracker knows about one watch.
 *
 * @param watch            the watch's name
 * @param lastAvailability the latest accepted observation's availability, or null before any
 * @param lastObservedAt   when the latest accepted observation was made, or null before any
 * @param lastDecisive     the latest IN_STOCK or OUT_OF_STOCK, or null until the first one
 * @param episodeStart     when the current in-stock episode began; non-null only while in stock
 * @param observations     accepted observations, every availability counted
 * @param doubtful         accepted UNKNOWN, BLOCKED and ERROR observations
 * @param doubtStreak      doubtful observations in a row since the last decisive one
 * @param episodes         in-stock episodes started (Restocked events emitted)
 * @param stale            observations ignored because they were older than one already seen
 * @param confirming       the decisive availability waiting for {@code confirm-in}/{@code confirm-out}, or null
 * @param confirmations    observations in a row that said {@code confirming}
 */
public record WatchState(
        String watch,
        Availability lastAvailability,
        Instant lastObservedAt,
        Availability lastDecisive,
        Instant episodeStart,
        long observations,
        long doubtful,
        long doubtStreak,
        long episodes,
        long stale,
        Availability confirming,
        long confirmations) {

    public WatchState {
        Objects.requireNonNull(watch, "watch");
        if (lastDecisive != null && !lastDecisive.isDecisive()) {
            throw new IllegalArgumentException("lastDecisive must be IN_STOCK or OUT_OF_STOCK, not " + lastDecisive);
        }
        if ((episodeStart != null) != (lastDecisive == Availability.IN_STOCK)) {
            throw new IllegalArgumentException("an episode start is set exactly while in stock");
        }
        if (confirming != null && !confirming.isDecisive()) {
            throw new IllegalArgumentException("confirming must be IN_STOCK or OUT_OF_STOCK, not " + confirming);
        }
    }

    /** The state of a watch never observed. */
    public static WatchState initial(String watch) {
        return new WatchState(watch, null, null, null, null, 0, 0, 0, 0, 0, null, 0);
    }

    /** True while an in-stock episode is open. */
    public boolean inStock() {
        return lastDecisive == Availability.IN_STOCK;
    }

    /** True while a restock was seen but not yet confirmed by {@code confirm-in} observations in a row. */
    public boolean confirmingRestock() {
        return confirming == Availability.IN_STOCK;
    }
}
