package dev.alimi.schedule;

import dev.alimi.store.StoredWatchState;
import dev.alimi.track.WatchState;
import java.util.LinkedHashMap;
import java.util.Map;

/** Converts the tracker's watch state to and from the store's, field by field. */
final class WatchStates {

    private WatchStates() {}

    static StoredWatchState toStored(WatchState s) {
        return new StoredWatchState(s.watch(), s.lastAvailability(), s.lastObservedAt(), s.lastDecisive(),
                s.episodeStart(), s.observations(), s.doubtful(), s.doubtStreak(), s.episodes(), s.stale(),
                s.confirming(), s.confirmations());
    }

    static WatchState fromStored(StoredWatchState s) {
        return new WatchState(s.watch(), s.lastAvailability(), s.lastObservedAt(), s.lastDecisive(),
                s.episodeStart(), s.observations(), s.doubtful(), s.doubtStreak(), s.episodes(), s.stale(),
                s.confirming(), s.confirmations());
    }

    /** Every saved state, ready for {@link dev.alimi.track.Tracker#Tracker(Map)}. */
    static Map<String, WatchState> restore(Map<String, StoredWatchState> saved) {
        Map<String, WatchState> out = new LinkedHashMap<>();
        saved.forEach((name, s) -> out.put(name, fromStored(s)));
        return out;
    }
}
