package dev.alimi.track;

import static dev.alimi.model.Availability.BLOCKED;
import static dev.alimi.model.Availability.IN_STOCK;
import static dev.alimi.model.Availability.OUT_OF_STOCK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alimi.model.Availability;
import dev.alimi.model.DetectSpec;
import dev.alimi.model.Observation;
import dev.alimi.model.Rules;
import dev.alimi.model.StockEvent;
import dev.alimi.model.Watch;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** confirm-in / confirm-out streaks, and a tracker resumed from saved state. */
class TrackerConfirmTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private static Watch watch(int confirmIn, int confirmOut) {
        return new Watch("KF94", "shop", URI.create("http://127.0.0.1/p/1"), null, null, new DetectSpec.Recipe("auto"),
                Duration.ZERO, List.of(), Rules.NONE, confirmIn, confirmOut);
    }

    private static List<StockEvent> feed(Tracker t, Watch w, Availability a, int second) {
        return t.observe(w, Observation.of(w.name(), a, "test", "test", T0.plusSeconds(second)));
    }

    @Test
    void confirmInNeedsThatManyInStockInARowAndDoubtDoesNotCount() {
        Tracker t = new Tracker();
        Watch w = watch(2, 1);
        assertThat(feed(t, w, OUT_OF_STOCK, 0)).isEmpty();
        assertThat(feed(t, w, IN_STOCK, 1)).isEmpty();
        assertThat(t.state("KF94").orElseThrow().confirmingRestock()).isTrue();
        assertThat(feed(t, w, OUT_OF_STOCK, 2)).as("a sold-out page breaks the streak").isEmpty();
        assertThat(feed(t, w, IN_STOCK, 3)).isEmpty();
        assertThat(feed(t, w, BLOCKED, 4)).isEmpty();
        assertThat(feed(t, w, IN_STOCK, 5)).singleElement().isInstanceOf(StockEvent.Restocked.class);
        assertThat(t.state("KF94").orElseThrow().episodeStart()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void confirmOutKeepsTheEpisodeThroughOneSoldOutPage() {
        Tracker t = new Tracker();
        Watch w = watch(1, 2);
        assertThat(feed(t, w, IN_STOCK, 0)).hasSize(1);
        assertThat(feed(t, w, OUT_OF_STOCK, 1)).isEmpty();
        assertThat(t.state("KF94").orElseThrow().inStock()).isTrue();
        assertThat(feed(t, w, IN_STOCK, 2)).as("still the same episode").isEmpty();
        assertThat(feed(t, w, OUT_OF_STOCK, 3)).isEmpty();
        assertThat(feed(t, w, OUT_OF_STOCK, 4)).singleElement().isInstanceOfSatisfying(StockEvent.SoldOut.class,
                s -> assertThat(s.buyableFor()).isEqualTo(Duration.ofSeconds(4)));
    }

    @Test
    void aRestoredTrackerContinuesTheEpisode() {
        Tracker before = new Tracker();
        Watch w = watch(1, 1);
        feed(before, w, IN_STOCK, 0);
        Tracker after = new Tracker(Map.of("KF94", before.state("KF94").orElseThrow()));
        assertThat(feed(after, w, IN_STOCK, 10)).as("no second restock after a restart").isEmpty();
        assertThat(feed(after, w, OUT_OF_STOCK, 20)).singleElement().isInstanceOfSatisfying(StockEvent.SoldOut.class,
                s -> assertThat(s.buyableFor()).isEqualTo(Duration.ofSeconds(20)));
    }
}
