package dev.alimi.store;

import java.util.Map;
import java.util.Optional;

/** The tracker's per-watch state, saved after each accepted observation and restored on start. */
public interface WatchStateStore {

    /** Inserts or replaces the state of {@code state.watch()}. */
    void save(StoredWatchState state);

    /** The saved state of one watch, empty when none was saved. */
    Optional<StoredWatchState> find(String watch);

    /** Every saved state by watch name, in name order. */
    Map<String, StoredWatchState> all();

    /** Drops a watch's state (the watch left the config); true when there was one. */
    boolean delete(String watch);
}
