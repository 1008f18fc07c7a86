package dev.alimi.model;

import java.time.Duration;

/** A transition the tracker emits; only events make alerts. */
public sealed interface StockEvent permits StockEvent.Restocked, StockEvent.SoldOut {

    Watch watch();

    Observation observation();

    /** The watch became buyable: its first IN_STOCK, or IN_STOCK after OUT_OF_STOCK. */
    record Restocked(Watch watch, Observation observation) implements StockEvent {}

    /** The watch sold out again after being buyable for {@code buyableFor}. */
    record SoldOut(Watch watch, Observation observation, Duration buyableFor) implements StockEvent {}
}
