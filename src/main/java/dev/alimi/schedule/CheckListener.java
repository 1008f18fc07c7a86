package dev.alimi.schedule;

import dev.alimi.model.Delivery;
import dev.alimi.model.Observation;
import dev.alimi.model.StockEvent;
import dev.alimi.model.Watch;
import dev.alimi.store.StoredDelivery;
import java.util.List;

/** Hears what the check pipeline did: for logs today, for the dashboard and store later. */
public interface CheckListener {

    CheckListener NONE = new CheckListener() {};

    default void observed(Watch watch, Observation observation) {}

    default void held(StockEvent event, String reason) {}

    default void delivered(StockEvent event, List<Delivery> deliveries) {}

    /**
     * An episode ended (committed to the store); {@code sentMessages} are the messages its alerts produced,
     * with their remote ids: what a live update ("sold out after 42 s") edits.
     */
    default void episodeEnded(StockEvent.SoldOut event, List<StoredDelivery> sentMessages) {}

    /**
     * An alerted episode changed (price or quantity) and its sent messages were updated: {@code updates} are the
     * edits and follow-ups made, empty when every route's follow-up is {@code none} or nothing could be edited.
     */
    default void changed(StockEvent.Changed event, List<Delivery> updates) {}
}
