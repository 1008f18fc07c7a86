package dev.alimi.schedule;

import static dev.alimi.schedule.Fixtures.site;
import static dev.alimi.schedule.Fixtures.watch;
import static dev.alimi.schedule.Fixtures.watches;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.alimi.model.Rate;
import dev.alimi.model.Site;
import dev.alimi.model.Watch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pacing of one lane on fake time: the loop runs for real, the clock only moves when it sleeps. */
class SiteLaneTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final Executor INLINE = Runnable::run;

    /** One started check: when (fake time) and which watch. */
    record Start(Instant at, String watch) {}

    private final FakeTime time = new FakeTime(T0);
    private final List<Start> starts = Collections.synchronizedList(new ArrayList<>());
    private final List<SiteLane> lanes = new ArrayList<>();
    private final CheckTask recording = w -> starts.add(new Start(time.now(), w.name()));

    @AfterEach
    void stopLanes() {
        lanes.forEach(SiteLane::stop);
    }

    private SiteLane lane(Site site, List<Watch> watches, SiteBudget budget, CheckTask task, Lease lease) {
        SiteLane lane = new SiteLane(site, watches, budget, task, lease, time.clock, time.sleeper,
                e -> { throw new AssertionError("lane died", e); }, INLINE);
        lanes.add(lane);
        return lane;
    }

    private SiteLane lane(Site site, List<Watch> watches) {
        return lane(site, watches, new SiteBudget(site.rate()), recording, Lease.ALWAYS);
    }

    /** Runs a started (or updated) lane until it wants to sleep past {@code horizon}. */
    private void runUntil(Instant horizon, Runnable wake) {
        time.runUntil(horizon);
        wake.run();
        await().atMost(Duration.ofSeconds(10)).until(time::idleAtHorizon);
    }

    private List<Start> startsOf(String watch) {
        return starts.stream().filter(s -> s.watch().equals(watch)).toList();
    }

    private static List<Duration> gaps(List<Start> list) {
        List<Duration> gaps = new ArrayList<>();
        for (int i = 1; i < list.size(); i++) gaps.add(Duration.between(list.get(i - 1).at(), list.get(i).at()));
        return gaps;
    }

    @Test
    void startsAreSpacedByTheRateAndUseTheWholeBudget() {
        SiteLane lane = lane(site("shop", Rate.perSecond(5)), watches("w", 3, "shop", Duration.ZERO));
        runUntil(T0.plusSeconds(10), lane::start);

        // t = 0, 0.2, ..., 10.0: exactly the budget, never closer than 200 ms
        assertThat(starts).hasSize(51);
        assertThat(gaps(starts)).allMatch(g -> g.equals(Duration.ofMillis(200)));
    }

    @Test
    void dueWatchesAreCheckedRoundRobin() {
        SiteLane lane = lane(site("shop", Rate.perSecond(1)), watches("w", 3, "shop", Duration.ZERO));
        runUntil(T0.plusSeconds(8), lane::start);

        assertThat(starts).extracting(Start::watch)
                .containsExactly("w0", "w1", "w2", "w0", "w1", "w2", "w0", "w1", "w2");
    }

    @Test
    void eachWatchIntervalIsHonouredWhenTheBudgetIsGenerous() {
        List<Watch> watches = List.of(watch("fast", "shop", Duration.ofSeconds(1)),
                watch("slow", "shop", Duration.ofSeconds(3)));
        SiteLane lane = lane(site("shop", Rate.perSecond(10)), watches);
        runUntil(T0.plusSeconds(12), lane::start);

        // budget 10/s, need 1.33/s: every watch is checked exactly once per interval
        assertThat(startsOf("fast")).hasSize(13);
        assertThat(gaps(startsOf("fast"))).allMatch(g -> g.equals(Duration.ofSeconds(1)));
        assertThat(startsOf("slow")).hasSize(4);
        assertThat(gaps(startsOf("slow"))).allMatch(g -> g.equals(Duration.ofSeconds(3)));
        // the lane slept between due times instead of spinning at the budget
        assertThat(starts).hasSize(17);
    }

    @Test
    void aTightBudgetIsSharedEvenly() {
        // four watches that want one check a second each, a site that allows two a second
        SiteLane lane = lane(site("shop", Rate.perSecond(2)), watches("w", 4, "shop", Duration.ofSeconds(1)));
        runUntil(T0.plusSeconds(20), lane::start);

        assertThat(starts).hasSize(41);
        assertThat(gaps(starts)).allMatch(g -> g.equals(Duration.ofMillis(500)));
        Map<String, Long> perWatch = starts.stream()
                .collect(Collectors.groupingBy(Start::watch, Collectors.counting()));
        assertThat(perWatch).hasSize(4);
        assertThat(Collections.max(perWatch.values()) - Collections.min(perWatch.values())).isLessThanOrEqualTo(1);
        for (int i = 0; i < 4; i++) {
            assertThat(gaps(startsOf("w" + i))).allMatch(g -> g.equals(Duration.ofSeconds(2)));
        }
    }

    @Test
    void slowingTheRateTakesEffectFromTheLastStartWithoutBurst() {
        Site fast = site("shop", Rate.perSecond(5));
        List<Watch> watches = watches("w", 3, "shop", Duration.ZERO);
        SiteLane lane = lane(fast, watches);
        runUntil(T0.plusMillis(2100), lane::start);
        Instant lastBefore = starts.getLast().at();
        assertThat(lastBefore).isEqualTo(T0.plusSeconds(2));
        int before = starts.size();

        Site slow = site("shop", Rate.perSecond(1));
        runUntil(T0.plusSeconds(6), () -> lane.update(slow, watches));

        List<Start> after = starts.subList(before, starts.size());
        assertThat(after.getFirst().at()).isEqualTo(lastBefore.plusSeconds(1));
        assertThat(gaps(after)).allMatch(g -> g.equals(Duration.ofSeconds(1)));
        assertThat(lane.budget().rate()).isEqualTo(Rate.perSecond(1));
    }

    @Test
    void changingWatchesKeepsPacingAndLastCheckTimes() {
        Site site = site("shop", Rate.perSecond(1));
        Watch a = watch("a", "shop", Duration.ofSeconds(10));
        Watch b = watch("b", "shop", Duration.ofSeconds(10));
        SiteLane lane = lane(site, List.of(a, b));
        runUntil(T0.plusMillis(1500), lane::start);
        assertThat(starts).containsExactly(new Start(T0, "a"), new Start(T0.plusSeconds(1), "b"));

        // a reload adds c and rebuilds a and b: a and b stay paused for their interval, c waits for the budget
        Watch c = watch("c", "shop", Duration.ofSeconds(10));
        runUntil(T0.plusSeconds(12), () -> lane.update(site, List.of(watch("a", "shop", Duration.ofSeconds(10)),
                watch("b", "shop", Duration.ofSeconds(10)), c)));

        assertThat(starts).containsExactly(new Start(T0, "a"), new Start(T0.plusSeconds(1), "b"),
                new Start(T0.plusSeconds(2), "c"), new Start(T0.plusSeconds(10), "a"),
                new Start(T0.plusSeconds(11), "b"), new Start(T0.plusSeconds(12), "c"));
        assertThat(lane.lastCheckStart("a")).isEqualTo(T0.plusSeconds(10));
    }

    @Test
    void aRestartedLaneWithTheSameBudgetDoesNotBurst() {
        Site site = site("shop", Rate.perSecond(1));
        List<Watch> watches = watches("w", 3, "shop", Duration.ZERO);
        SiteBudget budget = new SiteBudget(site.rate());
        SiteLane first = lane(site, watches, budget, recording, Lease.ALWAYS);
        runUntil(T0.plusMillis(3500), first::start);
        first.stop();
        assertThat(starts.getLast().at()).isEqualTo(T0.plusSeconds(3));
        int before = starts.size();

        // a fresh lane (fresh plan: every watch due at once) right after the last start
        SiteLane second = lane(site, watches, budget, recording, Lease.ALWAYS);
        runUntil(T0.plusSeconds(6), second::start);

        assertThat(starts.get(before).at()).isEqualTo(T0.plusSeconds(4));
        assertThat(gaps(starts)).allMatch(g -> g.equals(Duration.ofSeconds(1)));
    }

    @Test
    void failingChecksNeitherKillTheLaneNorSpeedItUp() {
        AtomicInteger calls = new AtomicInteger();
        CheckTask failing = w -> {
            starts.add(new Start(time.now(), w.name()));
            if (calls.incrementAndGet() % 2 == 0) throw new IllegalStateException("shop answered 500");
            throw new StackOverflowError("a bug in a detector");
        };
        Site site = site("shop", Rate.perSecond(2));
        SiteLane lane = lane(site, watches("w", 2, "shop", Duration.ZERO), new SiteBudget(site.rate()), failing,
                Lease.ALWAYS);
        runUntil(T0.plusSeconds(5), lane::start);

        assertThat(starts).hasSize(11);
        assertThat(gaps(starts)).allMatch(g -> g.equals(Duration.ofMillis(500)));
        assertThat(lane.isRunning()).isTrue();
    }

    @Test
    void theLeaseIsAskedBeforeEveryRequestAndARefusalSendsNothing() {
        AtomicInteger asked = new AtomicInteger();
        Predicate<Instant> owned = at -> !at.isBefore(T0.plusSeconds(3));
        Lease lease = siteName -> {
            asked.incrementAndGet();
            return owned.test(time.now());
        };
        Site site = site("shop", Rate.perSecond(2));
        SiteLane lane = lane(site, watches("w", 2, "shop", Duration.ZERO), new SiteBudget(site.rate()), recording,
                lease);
        runUntil(T0.plusSeconds(5), lane::start);

        assertThat(starts).isNotEmpty().allMatch(s -> owned.test(s.at()));
        assertThat(starts.getFirst().at()).isEqualTo(T0.plusSeconds(3));
        assertThat(starts).hasSize(5);
        assertThat(asked.get()).isEqualTo(3 + starts.size());
    }

    @Test
    void inFlightChecksAreCappedAndTheLaneDoesNotBurstAfterwards() {
        Semaphore release = new Semaphore(0);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        CheckTask blocking = w -> {
            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                release.acquire();
            } finally {
                running.decrementAndGet();
            }
        };
        // launches are recorded on the lane thread, where fake time is exactly the start time
        List<Instant> launches = Collections.synchronizedList(new ArrayList<>());
        Executor threadPerCheck = command -> {
            launches.add(time.now());
            Thread.ofVirtual().start(command);
        };
        Site site = site("shop", Rate.perSecond(10), 2, Duration.ofSeconds(2));
        SiteLane lane = new SiteLane(site, watches("w", 5, "shop", Duration.ZERO), new SiteBudget(site.rate()),
                blocking, Lease.ALWAYS, time.clock, time.sleeper, e -> { throw new AssertionError(e); },
                threadPerCheck);
        lanes.add(lane);
        time.runUntil(T0.plusSeconds(5));
        lane.start();

        // two checks hang: the lane waits for a slot, time frozen right after the second start
        await().atMost(Duration.ofSeconds(10)).until(() -> lane.inFlight() == 2 && running.get() == 2);
        assertThat(launches).containsExactly(T0, T0.plusMillis(100));
        assertThat(time.now()).isEqualTo(T0.plusMillis(100));

        release.release(1000);
        await().atMost(Duration.ofSeconds(10)).until(time::idleAtHorizon);

        assertThat(maxRunning.get()).isLessThanOrEqualTo(2);
        assertThat(launches).hasSize(51);
        for (int i = 1; i < launches.size(); i++) {
            assertThat(Duration.between(launches.get(i - 1), launches.get(i))).isEqualTo(Duration.ofMillis(100));
        }
    }
}
