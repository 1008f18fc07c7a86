package dev.alimi.store;

import static dev.alimi.store.Columns.instant;

import java.time.Instant;
import java.util.List;

/** {@link StatsQueries} on JDBI; lengths and percentiles are computed by the caller, in Java. */
final class JdbiStatsQueries implements StatsQueries {

    private static final String WINDOWS = "SELECT watch, site, started_at, ended_at FROM episodes"
            + " WHERE ended_at IS NOT NULL AND started_at >= :since";

    private final Db db;

    JdbiStatsQueries(Db db) {
        this.db = db;
    }

    @Override
    public List<EpisodeWindow> windows(Instant since) {
        return windows(WINDOWS, null, null, since);
    }

    @Override
    public List<EpisodeWindow> windowsOfWatch(String watch, Instant since) {
        return windows(WINDOWS + " AND watch = :value", "value", watch, since);
    }

    @Override
    public List<EpisodeWindow> windowsOfSite(String site, Instant since) {
        return windows(WINDOWS + " AND site = :value", "value", site, since);
    }

    @Override
    public List<EpisodeCount> counts(Instant since) {
        return db.with(h -> h.createQuery("SELECT watch, MIN(site) AS site, COUNT(*) AS episodes,"
                        + " SUM(CASE WHEN ended_at IS NULL THEN 1 ELSE 0 END) AS open_episodes FROM episodes"
                        + " WHERE started_at >= :since GROUP BY watch ORDER BY watch")
                .bind("since", from(since))
                .map((rs, ctx) -> new EpisodeCount(rs.getString("watch"), rs.getString("site"), rs.getLong("episodes"),
                        rs.getLong("open_episodes")))
                .list());
    }

    /** Null means since ever. */
    private static long from(Instant since) {
        return since == null ? Long.MIN_VALUE : since.toEpochMilli();
    }

    private List<EpisodeWindow> windows(String sql, String name, String value, Instant since) {
        return db.with(h -> {
            var query = h.createQuery(sql + " ORDER BY started_at, id").bind("since", from(since));
            if (name != null) {
                query.bind(name, value);
            }
            return query.map((rs, ctx) -> new EpisodeWindow(rs.getString("watch"), rs.getString("site"),
                    instant(rs, "started_at"), instant(rs, "ended_at"))).list();
        });
    }
}
