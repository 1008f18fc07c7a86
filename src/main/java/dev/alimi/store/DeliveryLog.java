package dev.alimi.store;

import dev.alimi.model.Delivery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Every message sent for an alert: the alert itself, then edits and follow-ups. */
public interface DeliveryLog {

    /** Stores one delivery of an alert. */
    StoredDelivery record(long alertId, DeliveryKind kind, Delivery delivery);

    /** Sets when the receiver acknowledged a delivery; false when there is no such delivery. */
    boolean acknowledge(long deliveryId, Instant at);

    /** The deliveries of an alert, oldest first. */
    List<StoredDelivery> ofAlert(long alertId);

    /** The alert's first accepted message that has a remote id: the one later edits change. */
    Optional<StoredDelivery> sentMessage(long alertId);

    /**
     * For each alert of an episode, its first accepted message, oldest first: what to edit (those with a remote id)
     * or follow up on when the episode ends.
     */
    List<StoredDelivery> sentMessagesOfEpisode(long episodeId);
}
