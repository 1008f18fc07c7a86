package dev.alimi.store;

import static dev.alimi.store.Columns.availability;
import static dev.alimi.store.Columns.instant;
import static dev.alimi.store.Columns.millis;
import static dev.alimi.store.Columns.name;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@link WatchStateStore} on JDBI; an upsert per save. */
final class JdbiWatchStateStore implements WatchStateStore {

    private static final String COLUMNS = "watch, last_availability, last_observed_at, last_decisive, episode_start,"
            + " observations, doubtful, doubt_streak, episodes, stale, confirming, confirmations";

    private final Db db;

    JdbiWatchStateStore(Db db) {
        this.db = db;
    }

    @Override
    public void save(StoredWatchState s) {
        db.with(h -> h.createUpdate("INSERT INTO watch_state (" + COLUMNS + ") VALUES (:watch, :lastAvailability,"
                        + " :lastObservedAt, :lastDecisive, :episodeStart, :observations, :doubtful, :doubtStreak,"
                        + " :episodes, :stale, :confirming, :confirmations)"
                        + " ON CONFLICT (watch) DO UPDATE SET last_availability = excluded.last_availability,"
                        + " last_observed_at = excluded.last_observed_at, last_decisive = excluded.last_decisive,"
                        + " episode_start = excluded.episode_start, observations = excluded.observations,"
                        + " doubtful = excluded.doubtful, doubt_streak = excluded.doubt_streak,"
                        + " episodes = excluded.episodes, stale = excluded.stale, confirming = excluded.confirming,"
                        + " confirmations = excluded.confirmations")
                .bind("watch", s.watch())
                .bind("lastAvailability", name(s.lastAvailability()))
                .bind("lastObservedAt", millis(s.lastObservedAt()))
                .bind("lastDecisive", name(s.lastDecisive()))
                .bind("episodeStart", millis(s.episodeStart()))
                .bind("observations", s.observations())
                .bind("doubtful", s.doubtful())
                .bind("doubtStreak", s.doubtStreak())
                .bind("episodes", s.episodes())
                .bind("stale", s.stale())
                .bind("confirming", name(s.confirming()))
                .bind("confirmations", s.confirmations())
                .execute());
    }

    @Override
    public Optional<StoredWatchState> find(String watch) {
        return db.with(h -> h.createQuery("SELECT " + COLUMNS + " FROM watch_state WHERE watch = :watch")
                .bind("watch", watch)
                .map((rs, ctx) -> read(rs))
                .findOne());
    }

    @Override
    public Map<String, StoredWatchState> all() {
        Map<String, StoredWatchState> all = new LinkedHashMap<>();
        db.with(h -> h.createQuery("SELECT " + COLUMNS + " FROM watch_state ORDER BY watch")
                .map((rs, ctx) -> read(rs))
                .list())
                .forEach(s -> all.put(s.watch(), s));
        return all;
    }

    @Override
    public boolean delete(String watch) {
        return db.with(h -> h.createUpdate("DELETE FROM watch_state WHERE watch = :watch").bind("watch", watch).execute()) > 0;
    }

    private static StoredWatchState read(ResultSet rs) throws SQLException {
        return new StoredWatchState(rs.getString("watch"), availability(rs, "last_availability"),
                instant(rs, "last_observed_at"), availability(rs, "last_decisive"), instant(rs, "episode_start"),
                rs.getLong("observations"), rs.getLong("doubtful"), rs.getLong("doubt_streak"), rs.getLong("episodes"),
                rs.getLong("stale"), availability(rs, "confirming"), rs.getLong("confirmations"));
    }
}
