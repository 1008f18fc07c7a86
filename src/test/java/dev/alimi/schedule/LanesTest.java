package dev.alimi.schedule;

import static dev.alimi.schedule.Fixtures.site;
import static dev.alimi.schedule.Fixtures.watch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.alimi.model.Catalog;
import dev.alimi.model.Rate;
import dev.alimi.model.Site;
import dev.alimi.model.Watch;
import dev.alimi.model.WebSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LanesTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private final List<String> checked = Collections.synchronizedList(new ArrayList<>());
    private Lanes lanes;

    @AfterEach
    void stop() {
        if (lanes != null) lanes.stop();
    }

    private static Catalog catalog(List<Site> sites, List<Watch> watches) {
        Map<String, Site> map = new LinkedHashMap<>();
        sites.forEach(s -> map.put(s.name(), s));
        return new Catalog(null, map, watches, Map.of(), List.of(), List.of(), Catalog.DEFAULT_ALERT_TTL,
                WebSettings.DEFAULT, "sqlite:alimi.db");
    }

    @Test
    void applyStartsUpdatesAndStopsLanesAndReportsRemovedWatches() {
        FakeTime time = new FakeTime(T0);
        lanes = new Lanes(w -> checked.add(w.name()), Lease.ALWAYS, time.clock, time.sleeper);
        Site s1 = site("s1", Rate.perSecond(1));
        Site s2 = site("s2", Rate.perSecond(1));
        Site empty = site("empty", Rate.perSecond(1));
        Watch a = watch("a", "s1", Duration.ZERO);
        Watch b = watch("b", "s1", Duration.ZERO);
        Watch c = watch("c", "s2", Duration.ZERO);
        Catalog first = catalog(List.of(s1, s2, empty), List.of(a, b, c));

        Reconciliation r1 = lanes.apply(first);

        assertThat(r1).isEqualTo(new Reconciliation(List.of("s1", "s2"), List.of(), List.of(), Set.of()));
        assertThat(lanes.sites()).containsExactlyInAnyOrder("s1", "s2");
        await().atMost(Duration.ofSeconds(10)).until(() -> checked.contains("a") && checked.contains("c"));
        assertThat(lanes.apply(first)).isEqualTo(new Reconciliation(List.of(), List.of(), List.of(), Set.of()));
        SiteBudget s2Budget = lanes.budget("s2");

        Site s1Repaced = site("s1", Rate.perSecond(2));
        Site s3 = site("s3", Rate.perSecond(1));
        Watch d = watch("d", "s3", Duration.ZERO);
        Reconciliation r2 = lanes.apply(catalog(List.of(s1Repaced, s3), List.of(a, d)));

        assertThat(r2).isEqualTo(new Reconciliation(List.of("s3"), List.of("s1"), List.of("s2"), Set.of("b", "c")));
        assertThat(lanes.sites()).containsExactlyInAnyOrder("s1", "s3");
        assertThat(lanes.lane("s1").watches()).containsExactly(a);
        assertThat(lanes.budget("s1").rate()).isEqualTo(s1Repaced.rate());
        await().atMost(Duration.ofSeconds(10)).until(() -> checked.contains("d"));

        // s2 comes back: its lane is new, its budget is the one it always had
        Reconciliation r3 = lanes.apply(first);
        assertThat(r3.started()).containsExactly("s2");
        assertThat(r3.stopped()).containsExactly("s3");
        assertThat(r3.removedWatches()).containsExactly("d");
        assertThat(lanes.budget("s2")).isSameAs(s2Budget);
    }

    @Test
    void aLaneWhoseLoopDiesIsRestartedWithItsBudget() {
        AtomicBoolean failedOnce = new AtomicBoolean();
        Sleeper real = Sleeper.parking();
        Sleeper failingOnce = (deadline, clock) -> {
            if (failedOnce.compareAndSet(false, true)) throw new OutOfMemoryError("simulated: lane loop dies");
            real.sleepUntil(deadline, clock);
        };
        List<String> told = Collections.synchronizedList(new ArrayList<>());
        lanes = new Lanes(w -> checked.add(w.name()), Lease.ALWAYS, Clock.systemUTC(), failingOnce,
                (site, cause) -> told.add(site + ": " + cause.getMessage()));
        Site shop = site("shop", Rate.perSecond(20));
        lanes.apply(catalog(List.of(shop), List.of(watch("a", "shop", Duration.ZERO))));
        SiteBudget budget = lanes.budget("shop");

        await().atMost(Duration.ofSeconds(10)).until(() -> checked.size() >= 5);

        assertThat(failedOnce).isTrue();
        assertThat(lanes.restarts("shop")).isEqualTo(1);
        assertThat(told).containsExactly("shop: simulated: lane loop dies");
        assertThat(lanes.status()).singleElement().satisfies(s -> {
            assertThat(s.site()).isEqualTo("shop");
            assertThat(s.running()).isTrue();
            assertThat(s.restarts()).isEqualTo(1);
            assertThat(s.rate()).isEqualTo(Rate.perSecond(20));
            assertThat(s.watches()).isEqualTo(1);
            assertThat(s.lastStart()).isNotNull();
        });
        assertThat(lanes.budget("shop")).isSameAs(budget);
        assertThat(lanes.lane("shop").isRunning()).isTrue();
    }

    @Test
    void stopEndsEveryLane() {
        lanes = new Lanes(w -> checked.add(w.name()), Lease.ALWAYS, Clock.systemUTC(), Sleeper.parking());
        lanes.apply(catalog(List.of(site("s1", Rate.perSecond(50)), site("s2", Rate.perSecond(50))),
                List.of(watch("a", "s1", Duration.ZERO), watch("b", "s2", Duration.ZERO))));
        SiteLane l1 = lanes.lane("s1");
        SiteLane l2 = lanes.lane("s2");
        await().atMost(Duration.ofSeconds(10)).until(() -> checked.contains("a") && checked.contains("b"));

        lanes.stop();

        assertThat(l1.isRunning()).isFalse();
        assertThat(l2.isRunning()).isFalse();
        assertThat(lanes.sites()).isEmpty();
        assertThat(lanes.restarts("s1")).isZero();
    }
}
