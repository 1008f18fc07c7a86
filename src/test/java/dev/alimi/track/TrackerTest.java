package dev.alimi.track;

import static dev.alimi.model.Availability.BLOCKED;
import static dev.alimi.model.Availability.ERROR;
import static dev.alimi.model.Availability.IN_STOCK;
import static dev.alimi.model.Availability.OUT_OF_STOCK;
import static dev.alimi.model.Availability.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alimi.model.Availability;
import dev.alimi.model.DetectSpec;
import dev.alimi.model.Observation;
import dev.alimi.model.StockEvent;
import dev.alimi.model.Watch;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TrackerTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private final Watch watch = watch("KF94");
    private final Tracker tracker = new Tracker();

    static Watch watch(String name) {
        return new Watch(name, "shop", URI.create("http://127.0.0.1/p/" + name), null, null,
                new DetectSpec.Recipe("auto"), Duration.ZERO, null, null, null, null, List.of());
    }

    private List<StockEvent> feed(Availability a, int second) {
        return feed(watch, a, second);
    }

    private List<StockEvent> feed(Watch w, Availability a, int second) {
        return tracker.observe(w, Observation.of(w.name(), a, "test", "test", T0.plusSeconds(second)));
    }

    @Test
    void firstDecisiveInStockRestocks() {
        List<StockEvent> events = feed(IN_STOCK, 0);

        assertThat(events).singleElement().isInstanceOfSatisfying(StockEvent.Restocked.class, r -> {
            assertThat(r.watch()).isEqualTo(watch);
            assertThat(r.observation().observedAt()).isEqualTo(T0);
        });
        WatchState s = tracker.state("KF94").orElseThrow();
        assertThat(s.inStock()).isTrue();
        assertThat(s.episodeStart()).isEqualTo(T0);
        assertThat(s.episodes()).isEqualTo(1);
    }

    @Test
    void firstDecisiveInStockAfterDoubtStillRestocks() {
        assertThat(feed(ERROR, 0)).isEmpty();
        assertThat(feed(UNKNOWN, 1)).isEmpty();
        assertThat(feed(IN_STOCK, 2)).singleElement().isInstanceOf(StockEvent.Restocked.class);
    }

    @Test
    void firstOutOfStockIsQuiet() {
        assertThat(feed(OUT_OF_STOCK, 0)).isEmpty();
        assertThat(tracker.state("KF94").orElseThrow().lastDecisive()).isEqualTo(OUT_OF_STOCK);
    }

    @Test
    void outOfStockToInStockRestocks() {
        feed(OUT_OF_STOCK, 0);
        assertThat(feed(IN_STOCK, 5)).singleElement().isInstanceOf(StockEvent.Restocked.class);
        assertThat(tracker.state("KF94").orElseThrow().episodeStart()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void inStockWhileInStockIsQuietAndKeepsEpisodeStart() {
        feed(IN_STOCK, 0);
        assertThat(feed(IN_STOCK, 1)).isEmpty();
        assertThat(feed(IN_STOCK, 2)).isEmpty();
        assertThat(tracker.state("KF94").orElseThrow().episodeStart()).isEqualTo(T0);
    }

    @Test
    void outOfStockAfterInStockSellsOutWithEpisodeLength() {
        feed(OUT_OF_STOCK, 0);
        feed(IN_STOCK, 10);
        feed(IN_STOCK, 30);
        List<StockEvent> events = feed(OUT_OF_STOCK, 52);

        assertThat(events).singleElement().isInstanceOfSatisfying(StockEvent.SoldOut.class,
                s -> assertThat(s.buyableFor()).isEqualTo(Duration.ofSeconds(42)));
        WatchState s = tracker.state("KF94").orElseThrow();
        assertThat(s.inStock()).isFalse();
        assertThat(s.episodeStart()).isNull();
    }

    @Test
    void outOfStockWhileOutOfStockIsQuiet() {
        feed(OUT_OF_STOCK, 0);
        assertThat(feed(OUT_OF_STOCK, 1)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(names = {"UNKNOWN", "BLOCKED", "ERROR"})
    void doubtNeverStartsAnEpisode(Availability doubt) {
        assertThat(feed(doubt, 0)).isEmpty();
        feed(OUT_OF_STOCK, 1);
        assertThat(feed(doubt, 2)).isEmpty();
        WatchState s = tracker.state("KF94").orElseThrow();
        assertThat(s.inStock()).isFalse();
        assertThat(s.lastAvailability()).isEqualTo(doubt);
        assertThat(s.lastDecisive()).isEqualTo(OUT_OF_STOCK);
    }

    @ParameterizedTest
    @EnumSource(names = {"UNKNOWN", "BLOCKED", "ERROR"})
    void doubtNeverEndsAnEpisode(Availability doubt) {
        feed(IN_STOCK, 0);
        assertThat(feed(doubt, 3)).isEmpty();
        assertThat(feed(doubt, 4)).isEmpty();
        assertThat(tracker.state("KF94").orElseThrow().inStock()).isTrue();
        // the episode spans the doubtful checks: its length runs from the first IN_STOCK
        assertThat(feed(OUT_OF_STOCK, 9)).singleElement().isInstanceOfSatisfying(StockEvent.SoldOut.class,
                s -> assertThat(s.buyableFor()).isEqualTo(Duration.ofSeconds(9)));
    }

    @Test
    void doubtBetweenOutOfStockAndInStockStillRestocksOnce() {
        feed(OUT_OF_STOCK, 0);
        feed(BLOCKED, 1);
        assertThat(feed(IN_STOCK, 2)).hasSize(1);
        feed(ERROR, 3);
        assertThat(feed(IN_STOCK, 4)).isEmpty();
    }

    @Test
    void countersTrackEveryObservation() {
        feed(UNKNOWN, 0);
        feed(BLOCKED, 1);
        feed(IN_STOCK, 2);
        feed(ERROR, 3);
        feed(OUT_OF_STOCK, 4);
        feed(IN_STOCK, 5);
        feed(ERROR, 6);
        feed(ERROR, 7);

        WatchState s = tracker.state("KF94").orElseThrow();
        assertThat(s.observations()).isEqualTo(8);
        assertThat(s.doubtful()).isEqualTo(5);
        assertThat(s.doubtStreak()).isEqualTo(2);
        assertThat(s.episodes()).isEqualTo(2);
        assertThat(s.lastAvailability()).isEqualTo(ERROR);
        assertThat(s.lastObservedAt()).isEqualTo(T0.plusSeconds(7));
    }

    @Test
    void olderObservationThanOneAlreadySeenIsIgnored() {
        feed(IN_STOCK, 10);
        // an overlapping check whose response was received earlier arrives late
        assertThat(feed(OUT_OF_STOCK, 9)).isEmpty();

        WatchState s = tracker.state("KF94").orElseThrow();
        assertThat(s.inStock()).isTrue();
        assertThat(s.stale()).isEqualTo(1);
        assertThat(s.observations()).isEqualTo(1);
    }

    @Test
    void stateIsPerWatchAndSurvivesANewWatchRecordOfTheSameName() {
        Watch other = watch("N95");
        feed(IN_STOCK, 0);
        assertThat(feed(other, IN_STOCK, 0)).hasSize(1);

        Watch reloaded = new Watch("KF94", "shop", URI.create("http://127.0.0.1/p/new"), null, null,
                new DetectSpec.Recipe("auto"), Duration.ofSeconds(3), 4, null, null, null, List.of("mask"));
        assertThat(feed(reloaded, IN_STOCK, 1)).isEmpty();
        assertThat(feed(reloaded, OUT_OF_STOCK, 2)).singleElement()
                .satisfies(e -> assertThat(e.watch()).isSameAs(reloaded));
    }

    @Test
    void forgetDropsTheStateSoTheWatchStartsFresh() {
        feed(IN_STOCK, 0);
        tracker.forget("KF94");

        assertThat(tracker.state("KF94")).isEmpty();
        assertThat(tracker.snapshot()).doesNotContainKey("KF94");
        assertThat(feed(IN_STOCK, 1)).hasSize(1);
    }

    @Test
    void observationForAnotherWatchIsRejected() {
        Observation o = Observation.of("N95", IN_STOCK, "x", "x", T0);
        assertThatThrownBy(() -> tracker.observe(watch, o))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("N95").hasMessageContaining("KF94");
    }

    @Test
    void concurrentFlipsEmitOneRestockPerEpisode() throws Exception {
        // many threads feeding alternating states: every Restocked is matched by a SoldOut or the open episode
        AtomicInteger restocks = new AtomicInteger();
        AtomicInteger soldOuts = new AtomicInteger();
        List<Runnable> jobs = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            Availability a = i % 2 == 0 ? IN_STOCK : OUT_OF_STOCK;
            int second = i;
            jobs.add(() -> feed(a, second).forEach(e -> {
                if (e instanceof StockEvent.Restocked) restocks.incrementAndGet();
                else soldOuts.incrementAndGet();
            }));
        }
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            jobs.forEach(pool::execute);
        }
        WatchState s = tracker.state("KF94").orElseThrow();
        assertThat(restocks.get()).isEqualTo(s.episodes());
        assertThat(restocks.get() - soldOuts.get()).isEqualTo(s.inStock() ? 1 : 0);
        assertThat(s.observations() + s.stale()).isEqualTo(2000);
    }
}
