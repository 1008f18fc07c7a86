package dev.alimi.store;

/** Every part of the store, bound either to the pool (each call its own transaction) or to one transaction. */
public interface StoreSession {

    WatchStateStore watchStates();

    ObservationLog observations();

    EpisodeStore episodes();

    Outbox outbox();

    DeliveryLog deliveries();

    StatsQueries stats();
}
