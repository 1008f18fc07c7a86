package dev.alimi.store;

/** One empty database for one test; {@link #drop} removes it. */
record TestDatabase(StoreUrl url, Runnable drop) {}
