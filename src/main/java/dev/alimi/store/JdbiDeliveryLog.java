package dev.alimi.store;

import static dev.alimi.store.Columns.instant;
import static dev.alimi.store.Columns.millis;

import dev.alimi.model.Delivery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link DeliveryLog} on JDBI. */
final class JdbiDeliveryLog implements DeliveryLog {

    private final Db db;

    JdbiDeliveryLog(Db db) {
        this.db = db;
    }

    @Override
    public StoredDelivery record(long alertId, DeliveryKind kind, Delivery d) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(d, "delivery");
        long id = db.with(h -> h.createQuery("INSERT INTO deliveries (alert_id, kind, channel, status, detected_at,"
                        + " sent_at, attempts, message_id, detail) VALUES (:alertId, :kind, :channel, :status,"
                        + " :detectedAt, :sentAt, :attempts, :messageId, :detail) RETURNING id")
                .bind("alertId", alertId)
                .bind("kind", kind.name())
                .bind("channel", d.channel())
                .bind("status", d.outcome().name())
                .bind("detectedAt", millis(d.detectedAt()))
                .bind("sentAt", millis(d.sentAt()))
                .bind("attempts", d.attempts())
                .bind("messageId", d.messageId())
                .bind("detail", d.detail())
                .mapTo(Long.class)
                .one());
        return new StoredDelivery(id, alertId, kind, d, null);
    }

    @Override
    public boolean acknowledge(long deliveryId, Instant at) {
        return db.with(h -> h.createUpdate("UPDATE deliveries SET acknowledged_at = :at WHERE id = :id")
                .bind("id", deliveryId)
                .bind("at", millis(at))
                .execute()) > 0;
    }

    @Override
    public List<StoredDelivery> ofAlert(long alertId) {
        return db.with(h -> h.createQuery("SELECT d.*, a.watch FROM deliveries d JOIN alerts a ON a.id = d.alert_id"
                        + " WHERE d.alert_id = :alertId ORDER BY d.id")
                .bind("alertId", alertId)
                .map((rs, ctx) -> read(rs))
                .list());
    }

    @Override
    public Optional<StoredDelivery> sentMessage(long alertId) {
        return db.with(h -> h.createQuery("SELECT d.*, a.watch FROM deliveries d JOIN alerts a ON a.id = d.alert_id"
                        + " WHERE d.alert_id = :alertId AND d.kind = 'ALERT' AND d.status = 'SENT'"
                        + " AND d.message_id IS NOT NULL ORDER BY d.id LIMIT 1")
                .bind("alertId", alertId)
                .map((rs, ctx) -> read(rs))
                .findOne());
    }

    @Override
    public List<StoredDelivery> sentMessagesOfEpisode(long episodeId) {
        return db.with(h -> h.createQuery("SELECT d.*, a.watch FROM deliveries d JOIN alerts a ON a.id = d.alert_id"
                        + " WHERE a.episode_id = :episodeId AND d.id IN (SELECT MIN(s.id) FROM deliveries s"
                        + " WHERE s.kind = 'ALERT' AND s.status = 'SENT' GROUP BY s.alert_id)"
                        + " ORDER BY d.id")
                .bind("episodeId", episodeId)
                .map((rs, ctx) -> read(rs))
                .list());
    }

    private static StoredDelivery read(ResultSet rs) throws SQLException {
        Delivery d = new Delivery(rs.getString("channel"), rs.getString("watch"),
                Delivery.Outcome.valueOf(rs.getString("status")), instant(rs, "detected_at"), instant(rs, "sent_at"),
                rs.getInt("attempts"), rs.getString("message_id"), rs.getString("detail"));
        return new StoredDelivery(rs.getLong("id"), rs.getLong("alert_id"), DeliveryKind.valueOf(rs.getString("kind")), d,
                instant(rs, "acknowledged_at"));
    }
}
