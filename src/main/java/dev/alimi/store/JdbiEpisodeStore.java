package dev.alimi.store;

import static dev.alimi.store.Columns.decimal;
import static dev.alimi.store.Columns.instant;
import static dev.alimi.store.Columns.longOrNull;
import static dev.alimi.store.Columns.millis;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** {@link EpisodeStore} on JDBI; (watch, started_at) is unique, which makes {@link #start} idempotent. */
final class JdbiEpisodeStore implements EpisodeStore {

    private final Db db;

    JdbiEpisodeStore(Db db) {
        this.db = db;
    }

    @Override
    public Episode start(String watch, String site, Instant startedAt, Long quantity, BigDecimal price, String currency) {
        Objects.requireNonNull(watch, "watch");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(startedAt, "startedAt");
        return db.tx(h -> {
            h.createUpdate("INSERT INTO episodes (watch, site, started_at, first_quantity, last_quantity, first_price,"
                            + " last_price, currency) VALUES (:watch, :site, :startedAt, :quantity, :quantity, :price,"
                            + " :price, :currency) ON CONFLICT DO NOTHING")
                    .bind("watch", watch)
                    .bind("site", site)
                    .bind("startedAt", millis(startedAt))
                    .bind("quantity", quantity)
                    .bind("price", decimal(price))
                    .bind("currency", currency)
                    .execute();
            return h.createQuery("SELECT * FROM episodes WHERE watch = :watch AND started_at = :startedAt")
                    .bind("watch", watch)
                    .bind("startedAt", millis(startedAt))
                    .map((rs, ctx) -> read(rs))
                    .one();
        });
    }

    @Override
    public boolean update(long episodeId, Long quantity, BigDecimal price) {
        return db.with(h -> h.createUpdate("UPDATE episodes SET last_quantity = :quantity, last_price = :price"
                        + " WHERE id = :id AND ended_at IS NULL")
                .bind("id", episodeId)
                .bind("quantity", quantity)
                .bind("price", decimal(price))
                .execute()) > 0;
    }

    @Override
    public Optional<Episode> end(long episodeId, Instant endedAt) {
        Objects.requireNonNull(endedAt, "endedAt");
        return db.tx(h -> {
            int ended = h.createUpdate("UPDATE episodes SET ended_at = :endedAt WHERE id = :id AND ended_at IS NULL")
                    .bind("id", episodeId)
                    .bind("endedAt", millis(endedAt))
                    .execute();
            return ended == 0 ? Optional.empty() : find(h, episodeId);
        });
    }

    @Override
    public Optional<Episode> find(long episodeId) {
        return db.with(h -> find(h, episodeId));
    }

    @Override
    public Optional<Episode> open(String watch) {
        return db.with(h -> h.createQuery("SELECT * FROM episodes WHERE watch = :watch AND ended_at IS NULL"
                        + " ORDER BY started_at DESC LIMIT 1")
                .bind("watch", watch)
                .map((rs, ctx) -> read(rs))
                .findOne());
    }

    @Override
    public List<Episode> ofWatch(String watch, Instant since, int limit) {
        return db.with(h -> h.createQuery("SELECT * FROM episodes WHERE watch = :watch AND started_at >= :since"
                        + " ORDER BY started_at DESC LIMIT :limit")
                .bind("watch", watch)
                .bind("since", millis(since))
                .bind("limit", Math.max(0, limit))
                .map((rs, ctx) -> read(rs))
                .list());
    }

    private static Optional<Episode> find(Handle h, long id) {
        return h.createQuery("SELECT * FROM episodes WHERE id = :id").bind("id", id).map((rs, ctx) -> read(rs)).findOne();
    }

    private static Episode read(ResultSet rs) throws SQLException {
        return new Episode(rs.getLong("id"), rs.getString("watch"), rs.getString("site"), instant(rs, "started_at"),
                instant(rs, "ended_at"), longOrNull(rs, "first_quantity"), longOrNull(rs, "last_quantity"),
                decimal(rs, "first_price"), decimal(rs, "last_price"), rs.getString("currency"));
    }
}
