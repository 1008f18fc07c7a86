package dev.alimi.model;

import java.time.Duration;
import java.util.List;

/** A transition the tracker emits; only events make alerts. */
public sealed interface StockEvent permits StockEvent.Restocked, StockEvent.SoldOut, StockEvent.Changed {

    Watch watch();

    Observation observation();

    /** The watch became buyable: its first IN_STOCK, or IN_STOCK after OUT_OF_STOCK. */
    record Restocked(Watch watch, Observation observation) implements StockEvent {}

    /** The watch sold out again after being buyable for {@code buyableFor}. */
    record SoldOut(Watch watch, Observation observation, Duration buyableFor) implements StockEvent {}

    /**
     * While an alerted episode goes on, the price moved by the {@code price-change} threshold or the quantity
     * crossed {@code min-stock}, against what the alert (or the last change update) told; {@code what} is never empty.
     */
    record Changed(Watch watch, Observation observation, List<Change> what) implements StockEvent {
        public Changed {
            what = List.copyOf(what);
            if (what.isEmpty()) throw new IllegalArgumentException("a change needs at least one thing that changed");
        }
    }
}
