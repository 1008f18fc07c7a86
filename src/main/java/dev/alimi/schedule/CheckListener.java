package dev.alimi.schedule;

import dev.alimi.model.Delivery;
import dev.alimi.model.Observation;
import dev.alimi.model.StockEvent;
import dev.alimi.model.Watch;
import java.util.List;

/** Hears what the check pipeline did: for logs today, for the dashboard and store later. */
public interface CheckListener {

    CheckListener NONE = new CheckListener() {};

    default void observed(Watch watch, Observation observation) {}

    default void held(StockEvent event, String reason) {}

    default void delivered(StockEvent event, List<Delivery> deliveries) {}
}
