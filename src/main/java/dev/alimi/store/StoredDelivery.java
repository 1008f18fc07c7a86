package dev.alimi.store;

import dev.alimi.model.Delivery;
import java.time.Instant;
import java.util.Objects;

/**
 * One message sent (or attempted) for an alert.
 *
 * @param id             the store's id
 * @param alertId        the alert it belongs to
 * @param kind           the alert itself, an edit or a follow-up
 * @param delivery       how it ended: timestamps, attempts, outcome, remote message id
 * @param acknowledgedAt when the receiver confirmed it was seen, or null
 */
public record StoredDelivery(long id, long alertId, DeliveryKind kind, Delivery delivery, Instant acknowledgedAt) {

    public StoredDelivery {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(delivery, "delivery");
    }
}
