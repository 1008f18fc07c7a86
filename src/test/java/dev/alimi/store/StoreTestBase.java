package dev.alimi.store;

import dev.alimi.model.Availability;
import dev.alimi.model.Observation;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.Parameter;

/** A store on a fresh database of each {@link Backend}, opened before and closed (and dropped) after each test. */
abstract class StoreTestBase {

    static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    @Parameter
    Backend backend;

    TestDatabase database;
    Store store;

    @BeforeEach
    void openStore() {
        database = backend.create();
        store = Store.open(database.url());
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
        if (database != null) {
            database.drop().run();
        }
    }

    /** Closes the store and opens it again on the same database: a restart. */
    Store reopen() {
        store.close();
        store = Store.open(database.url());
        return store;
    }

    static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    static Observation inStock(String watch, long seconds, Long quantity, String price) {
        return new Observation(watch, Availability.IN_STOCK, quantity, price == null ? null : new BigDecimal(price), "KRW",
                "button 구매하기 found", "css", at(seconds));
    }

    static Observation soldOut(String watch, long seconds) {
        return Observation.of(watch, Availability.OUT_OF_STOCK, "text 품절 found", "css", at(seconds));
    }
}
