package dev.alimi.store;

import dev.alimi.model.Availability;
import java.time.Instant;
import java.util.Objects;

/**
 * What the tracker knows about one watch, as persisted; mirrors {@code track.WatchState} field by field,
 * plus the confirm streak that {@code confirm-in} / {@code confirm-out} need.
 *
 * @param watch            the watch's name
 * @param lastAvailability the latest accepted observation's availability, or null before any
 * @param lastObservedAt   when the latest accepted observation was made, or null before any
 * @param lastDecisive     the latest IN_STOCK or OUT_OF_STOCK, or null until the first one
 * @param episodeStart     when the current in-stock episode began, or null
 * @param observations     accepted observations
 * @param doubtful         accepted UNKNOWN, BLOCKED and ERROR observations
 * @param doubtStreak      doubtful observations in a row since the last decisive one
 * @param episodes         in-stock episodes started
 * @param stale            observations ignored because they were older than one already seen
 * @param confirming       the decisive availability being confirmed (differs from lastDecisive), or null
 * @param confirmations    how many observations in a row have said {@code confirming}
 */
public record StoredWatchState(
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

    public StoredWatchState {
        Objects.requireNonNull(watch, "watch");
    }

    /** The state of a watch never observed. */
    public static StoredWatchState initial(String watch) {
        return new StoredWatchState(watch, null, null, null, null, 0, 0, 0, 0, 0, null, 0);
    }
}
