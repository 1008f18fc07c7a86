package dev.alimi.store;

import static dev.alimi.store.Columns.decimal;
import static dev.alimi.store.Columns.millis;

import dev.alimi.model.Observation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link ObservationLog} on JDBI. */
final class JdbiObservationLog implements ObservationLog {

    private final Db db;

    JdbiObservationLog(Db db) {
        this.db = db;
    }

    @Override
    public boolean record(Observation o, boolean transition, Duration sampleEvery) {
        Objects.requireNonNull(o, "observation");
        Objects.requireNonNull(sampleEvery, "sampleEvery");
        return db.with(h -> {
            if (!transition) {
                Optional<Long> newest = h.createQuery("SELECT MAX(observed_at) FROM observations WHERE watch = :watch")
                        .bind("watch", o.watch())
                        .mapTo(Long.class)
                        .findOne();
                if (newest.isPresent() && o.observedAt().toEpochMilli() - newest.get() < sampleEvery.toMillis()) {
                    return false;
                }
            }
            h.createUpdate("INSERT INTO observations (watch, availability, quantity, price, currency, evidence,"
                            + " detector, observed_at, transition) VALUES (:watch, :availability, :quantity, :price,"
                            + " :currency, :evidence, :detector, :observedAt, :transition)")
                    .bind("watch", o.watch())
                    .bind("availability", o.availability().name())
                    .bind("quantity", o.quantity())
                    .bind("price", decimal(o.price()))
                    .bind("currency", o.currency())
                    .bind("evidence", Columns.evidence(o.evidence()))
                    .bind("detector", o.detector())
                    .bind("observedAt", millis(o.observedAt()))
                    .bind("transition", transition)
                    .execute();
            return true;
        });
    }

    @Override
    public List<StoredObservation> recent(String watch, int limit) {
        return db.with(h -> h.createQuery("SELECT * FROM observations WHERE watch = :watch"
                        + " ORDER BY observed_at DESC, id DESC LIMIT :limit")
                .bind("watch", watch)
                .bind("limit", Math.max(0, limit))
                .map((rs, ctx) -> new StoredObservation(rs.getLong("id"), Columns.observation(rs, "observed_at"),
                        rs.getBoolean("transition")))
                .list());
    }

    /** Rows one pruning transaction deletes at most: checks wait for the (SQLite: only) connection meanwhile. */
    static final int PRUNE_BATCH = 5_000;

    @Override
    public long prune(Instant now, Retention retention) {
        return prune(now, retention, PRUNE_BATCH);
    }

    /** {@link #prune(Instant, Retention)} deleting old rows {@code batchSize} per transaction. */
    long prune(Instant now, Retention retention, int batchSize) {
        long cutoff = now.minus(retention.maxAge()).toEpochMilli();
        long removed = 0;
        int batch;
        do {
            // Short transactions, so a running service's checks get the connection between them.
            batch = db.tx(h -> h.createUpdate("DELETE FROM observations WHERE id IN (SELECT id FROM observations"
                            + " WHERE observed_at < :cutoff LIMIT :batch)")
                    .bind("cutoff", cutoff)
                    .bind("batch", batchSize)
                    .execute());
            removed += batch;
        } while (batch == batchSize);
        return removed + db.tx(h -> {
            long crowdedRemoved = 0;
            List<String> crowded = h.createQuery("SELECT watch FROM observations GROUP BY watch HAVING COUNT(*) > :max")
                    .bind("max", retention.maxPerWatch())
                    .mapTo(String.class)
                    .list();
            for (String watch : crowded) {
                // the id of the oldest row to keep; everything of the watch below it goes
                crowdedRemoved += h.createUpdate("DELETE FROM observations WHERE watch = :watch AND id < (SELECT id FROM"
                                + " observations WHERE watch = :watch ORDER BY id DESC LIMIT 1 OFFSET :keep)")
                        .bind("watch", watch)
                        .bind("keep", retention.maxPerWatch() - 1)
                        .execute();
            }
            return crowdedRemoved;
        });
    }
}
