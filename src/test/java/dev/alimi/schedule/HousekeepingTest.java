package dev.alimi.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alimi.model.Availability;
import dev.alimi.model.Observation;
import dev.alimi.store.Retention;
import dev.alimi.store.Store;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HousekeepingTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final Retention TWO_HOURS = new Retention(Duration.ofHours(2), 1_000);

    @TempDir
    Path dir;

    private Store store;
    private final MutableClock clock = new MutableClock(T0);

    @BeforeEach
    void open() {
        store = Store.open("sqlite:alimi.db", dir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aRunningServicePrunesOnItsOwnAsTimePasses() {
        record(T0.minusSeconds(60));
        record(T0.plus(Duration.ofMinutes(90)));
        List<Instant> wokeAt = new ArrayList<>();
        // Each sleep moves the fake clock to the deadline; the third one stops the loop.
        Sleeper sleeper = (deadline, c) -> {
            if (wokeAt.size() == 2) throw new InterruptedException("stop");
            clock.set(deadline);
            wokeAt.add(deadline);
        };
        Housekeeping housekeeping = new Housekeeping(store, TWO_HOURS, Duration.ofHours(1), clock, sleeper);

        housekeeping.run();

        assertThat(wokeAt).containsExactly(T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(2)));
        // At 11:00 the 08:59 row is past two hours and goes; the 10:30 row stays.
        assertThat(store.observations().recent("KF94", 10)).extracting(s -> s.observation().observedAt())
                .containsExactly(T0.plus(Duration.ofMinutes(90)));
    }

    @Test
    void anEarlyWakeUpWaitsForTheSameDeadline() {
        record(T0);
        List<Instant> asked = new ArrayList<>();
        Sleeper early = (deadline, c) -> {
            asked.add(deadline);
            if (asked.size() == 2) throw new InterruptedException("stop");
            clock.set(T0.plus(Duration.ofMinutes(30))); // returned before the deadline
        };
        Retention tenMinutes = new Retention(Duration.ofMinutes(10), 1_000);
        new Housekeeping(store, tenMinutes, Duration.ofHours(1), clock, early).run();

        assertThat(asked).containsExactly(T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(1)));
        assertThat(store.observations().recent("KF94", 10)).as("no prune before the hour").hasSize(1);
    }

    @Test
    void startPrunesAtOnceAndCloseStopsTheThread() {
        clock.set(T0.plus(Duration.ofHours(3)));
        record(T0);
        Housekeeping housekeeping = new Housekeeping(store, TWO_HOURS, Duration.ofHours(1), clock, Sleeper.parking());

        housekeeping.start();
        housekeeping.close();

        assertThat(store.observations().recent("KF94", 10)).isEmpty();
    }

    @Test
    void aFailingStoreCountsNothingAndLeavesTheLoopRunning() {
        Housekeeping housekeeping = new Housekeeping(store, TWO_HOURS, Duration.ofHours(1), clock, Sleeper.parking());
        store.close();

        assertThat(housekeeping.pruneOnce()).isZero();
        store = Store.open("sqlite:alimi.db", dir);
    }

    private void record(Instant at) {
        store.observations().record(Observation.of("KF94", Availability.OUT_OF_STOCK, "text 품절 found", "css", at), true,
                Duration.ofMinutes(1));
    }
}
