package dev.alimi.store;

import static dev.alimi.store.Columns.decimal;
import static dev.alimi.store.Columns.instant;
import static dev.alimi.store.Columns.millis;

import dev.alimi.model.Delivery;
import dev.alimi.model.Observation;
import dev.alimi.model.Told;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * {@link Outbox} on JDBI. Exactly-once rests on the unique key (episode, kind, route, channel) and on
 * conditional updates ({@code WHERE status = 'PENDING'}), so no step reads then writes unguarded.
 *
 * <p>{@code claimed_by} names the store session that is sending a pending alert; a new session (a
 * restart) claims what an earlier one left.
 */
final class JdbiOutbox implements Outbox {

    private static final String KEY = "episode_id = :episodeId AND kind = :kind AND route = :route AND channel = :channel";

    private final Db db;
    private final String session;

    JdbiOutbox(Db db, String session) {
        this.db = db;
        this.session = Objects.requireNonNull(session, "session");
    }

    @Override
    public Optional<Alert> enqueue(AlertDraft draft) {
        return db.tx(h -> {
            Optional<Alert> inserted = bindDraft(h.createQuery("INSERT INTO alerts (episode_id, watch, kind, route,"
                            + " channel, status, reason, availability, quantity, price, currency, evidence, detector,"
                            + " detected_at, expires_at, claimed_by) VALUES (:episodeId, :watch, :kind, :route, :channel,"
                            + " 'PENDING', NULL, :availability, :quantity, :price, :currency, :evidence, :detector,"
                            + " :detectedAt, :expiresAt, :session) ON CONFLICT DO NOTHING RETURNING *"), draft)
                    .map((rs, ctx) -> read(rs))
                    .findOne();
            if (inserted.isPresent()) {
                return inserted;
            }
            return bindDraft(h.createQuery("UPDATE alerts SET status = 'PENDING', reason = NULL,"
                            + " availability = :availability, quantity = :quantity, price = :price, currency = :currency,"
                            + " evidence = :evidence, detector = :detector, detected_at = :detectedAt,"
                            + " expires_at = :expiresAt, claimed_by = :session WHERE " + KEY + " AND status = 'HELD'"
                            + " RETURNING *"), draft)
                    .map((rs, ctx) -> read(rs))
                    .findOne();
        });
    }

    @Override
    public Alert hold(AlertDraft draft, String reason) {
        Objects.requireNonNull(reason, "reason");
        return db.tx(h -> {
            bindDraft(h.createUpdate("INSERT INTO alerts (episode_id, watch, kind, route, channel, status, reason,"
                            + " availability, quantity, price, currency, evidence, detector, detected_at, expires_at)"
                            + " VALUES (:episodeId, :watch, :kind, :route, :channel, 'HELD', :reason, :availability,"
                            + " :quantity, :price, :currency, :evidence, :detector, :detectedAt, :expiresAt)"
                            + " ON CONFLICT DO NOTHING"), draft)
                    .bind("reason", reason)
                    .execute();
            bindDraft(h.createUpdate("UPDATE alerts SET reason = :reason, availability = :availability,"
                            + " quantity = :quantity, price = :price, currency = :currency, evidence = :evidence,"
                            + " detector = :detector, detected_at = :detectedAt, expires_at = :expiresAt"
                            + " WHERE " + KEY + " AND status = 'HELD'"), draft)
                    .bind("reason", reason)
                    .execute();
            return h.createQuery("SELECT * FROM alerts WHERE " + KEY)
                    .bind("episodeId", draft.episodeId())
                    .bind("kind", draft.kind())
                    .bind("route", draft.route())
                    .bind("channel", draft.channel())
                    .map((rs, ctx) -> read(rs))
                    .one();
        });
    }

    @Override
    public boolean alerted(long episodeId, String kind, String route) {
        return db.with(h -> h.createQuery("SELECT COUNT(*) FROM alerts WHERE episode_id = :episodeId AND kind = :kind"
                        + " AND route = :route AND status <> 'HELD'")
                .bind("episodeId", episodeId)
                .bind("kind", kind)
                .bind("route", route)
                .mapTo(Long.class)
                .one()) > 0;
    }

    @Override
    public Optional<StoredDelivery> finish(long alertId, Delivery delivery) {
        Objects.requireNonNull(delivery, "delivery");
        AlertStatus status = switch (delivery.outcome()) {
            case SENT -> AlertStatus.SENT;
            case FAILED -> AlertStatus.FAILED;
            case EXPIRED -> AlertStatus.EXPIRED;
        };
        return db.tx(h -> {
            int ended = h.createUpdate("UPDATE alerts SET status = :status, reason = :reason, claimed_by = NULL"
                            + " WHERE id = :id AND status = 'PENDING'")
                    .bind("id", alertId)
                    .bind("status", status.name())
                    .bind("reason", delivery.detail())
                    .execute();
            if (ended == 0) {
                return Optional.empty();
            }
            return Optional.of(new JdbiDeliveryLog(Db.bound(h)).record(alertId, DeliveryKind.ALERT, delivery));
        });
    }

    @Override
    public List<Alert> expireDue(Instant now) {
        return db.tx(h -> h.createQuery("UPDATE alerts SET status = 'EXPIRED', reason = :reason, claimed_by = NULL"
                        + " WHERE status = 'PENDING' AND expires_at <= :now RETURNING *")
                .bind("now", millis(now))
                .bind("reason", "not delivered before it expired")
                .map((rs, ctx) -> read(rs))
                .list()
                .stream()
                .sorted(Comparator.comparing(Alert::detectedAt).thenComparingLong(Alert::id))
                .toList());
    }

    @Override
    public List<Alert> claimPending(Instant now, int limit) {
        return db.tx(h -> h.createQuery("UPDATE alerts SET claimed_by = :session WHERE status = 'PENDING'"
                        + " AND expires_at > :now AND (claimed_by IS NULL OR claimed_by <> :session) AND id IN"
                        + " (SELECT id FROM alerts WHERE status = 'PENDING' AND expires_at > :now"
                        + " AND (claimed_by IS NULL OR claimed_by <> :session) ORDER BY detected_at, id LIMIT :limit)"
                        + " RETURNING *")
                .bind("session", session)
                .bind("now", millis(now))
                .bind("limit", Math.max(0, limit))
                .map((rs, ctx) -> read(rs))
                .list()
                .stream()
                .sorted(Comparator.comparing(Alert::detectedAt).thenComparingLong(Alert::id))
                .toList());
    }

    @Override
    public Optional<Alert> lastAlerted(String watch, String kind, String route) {
        return db.with(h -> h.createQuery("SELECT * FROM alerts WHERE watch = :watch AND kind = :kind AND route = :route"
                        + " AND status <> 'HELD' ORDER BY detected_at DESC, id DESC LIMIT 1")
                .bind("watch", watch)
                .bind("kind", kind)
                .bind("route", route)
                .map((rs, ctx) -> read(rs))
                .findOne());
    }

    @Override
    public Optional<Alert> find(long alertId) {
        return db.with(h -> h.createQuery("SELECT * FROM alerts WHERE id = :id")
                .bind("id", alertId)
                .map((rs, ctx) -> read(rs))
                .findOne());
    }

    @Override
    public List<Alert> ofEpisode(long episodeId) {
        return db.with(h -> h.createQuery("SELECT * FROM alerts WHERE episode_id = :episodeId ORDER BY id")
                .bind("episodeId", episodeId)
                .map((rs, ctx) -> read(rs))
                .list());
    }

    @Override
    public List<ToldAlert> told(long episodeId, String kind) {
        return db.with(h -> h.createQuery("SELECT * FROM alerts WHERE episode_id = :episodeId AND kind = :kind"
                        + " AND status = 'SENT' ORDER BY id")
                .bind("episodeId", episodeId)
                .bind("kind", kind)
                .map((rs, ctx) -> {
                    Alert alert = read(rs);
                    Instant at = instant(rs, "told_at");
                    Told told = at == null
                            ? new Told(alert.observation().price(), alert.observation().quantity(), null)
                            : new Told(Columns.decimal(rs, "told_price"), Columns.longOrNull(rs, "told_quantity"), at);
                    return new ToldAlert(alert, told);
                })
                .list());
    }

    @Override
    public boolean retell(long alertId, Told previous, Told told) {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(told, "told");
        Objects.requireNonNull(told.updatedAt(), "told.updatedAt");
        // compare-and-set on told_at: two checks of one watch running at once cannot both tell the same change
        String unchanged = previous.updatedAt() == null ? "told_at IS NULL" : "told_at = :previous";
        return db.with(h -> h.createUpdate("UPDATE alerts SET told_price = :price, told_quantity = :quantity,"
                        + " told_at = :at WHERE id = :id AND status = 'SENT' AND " + unchanged)
                .bind("id", alertId)
                .bind("price", decimal(told.price()))
                .bind("quantity", told.quantity())
                .bind("at", millis(told.updatedAt()))
                .bind("previous", millis(previous.updatedAt()))
                .execute()) > 0;
    }

    @Override
    public List<Alert> recent(String watch, int limit) {
        return db.with(h -> h.createQuery("SELECT * FROM alerts WHERE watch = :watch"
                        + " ORDER BY detected_at DESC, id DESC LIMIT :limit")
                .bind("watch", watch)
                .bind("limit", Math.max(0, limit))
                .map((rs, ctx) -> read(rs))
                .list());
    }

    private <S extends SqlStatement<S>> S bindDraft(S statement, AlertDraft d) {
        Observation o = d.observation();
        return statement.bind("episodeId", d.episodeId())
                .bind("watch", o.watch())
                .bind("kind", d.kind())
                .bind("route", d.route())
                .bind("channel", d.channel())
                .bind("availability", o.availability().name())
                .bind("quantity", o.quantity())
                .bind("price", decimal(o.price()))
                .bind("currency", o.currency())
                .bind("evidence", Columns.evidence(o.evidence()))
                .bind("detector", o.detector())
                .bind("detectedAt", millis(o.observedAt()))
                .bind("expiresAt", millis(d.expiresAt()))
                .bind("session", session);
    }

    private static Alert read(ResultSet rs) throws SQLException {
        return new Alert(rs.getLong("id"), rs.getLong("episode_id"), rs.getString("kind"), rs.getString("route"),
                rs.getString("channel"), AlertStatus.valueOf(rs.getString("status")), rs.getString("reason"),
                Columns.observation(rs, "detected_at"), instant(rs, "expires_at"));
    }
}
