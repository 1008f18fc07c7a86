package dev.alimi.schedule;

import static dev.alimi.schedule.Fixtures.watch;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alimi.model.Rate;
import dev.alimi.model.Watch;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LanePlanTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private final Watch a = watch("a", "shop", Duration.ofSeconds(10));
    private final Watch b = watch("b", "shop", Duration.ofSeconds(10));
    private final SiteBudget budget = new SiteBudget(Rate.perSecond(2));

    @Test
    void aFreshPlanStartsTheFirstWatchAtOnce() {
        LanePlan plan = new LanePlan(budget, List.of(a, b));
        assertThat(plan.next(T0)).isEqualTo(new LanePlan.Step.Start(a));
    }

    @Test
    void afterAStartTheNextWaitsForTheSpacing() {
        LanePlan plan = new LanePlan(budget, List.of(a, b));
        assertThat(plan.start(a, T0)).isTrue();

        assertThat(plan.next(T0.plusMillis(100))).isEqualTo(new LanePlan.Step.Wait(T0.plusMillis(500)));
        assertThat(plan.next(T0.plusMillis(500))).isEqualTo(new LanePlan.Step.Start(b));
    }

    @Test
    void withNothingDueItWaitsForTheEarliestDueTime() {
        LanePlan plan = new LanePlan(budget, List.of(a, b));
        plan.start(a, T0);
        plan.start(b, T0.plusSeconds(1));

        assertThat(plan.next(T0.plusSeconds(2))).isEqualTo(new LanePlan.Step.Wait(T0.plusSeconds(10)));
        assertThat(plan.next(T0.plusSeconds(10))).isEqualTo(new LanePlan.Step.Start(a));
    }

    @Test
    void theWaitIsTheLaterOfBudgetAndDueTime() {
        Watch fast = watch("fast", "shop", Duration.ofMillis(100));
        LanePlan plan = new LanePlan(new SiteBudget(Rate.perSecond(1)), List.of(fast));
        plan.start(fast, T0);
        // due after 100 ms, but the site allows the next start only after 1 s
        assertThat(plan.next(T0.plusMillis(50))).isEqualTo(new LanePlan.Step.Wait(T0.plusSeconds(1)));
    }

    @Test
    void aStartIsRefusedWhenAnotherPlanTookTheSharedBudget() {
        LanePlan old = new LanePlan(budget, List.of(a));
        LanePlan fresh = new LanePlan(budget, List.of(a));
        assertThat(old.start(a, T0)).isTrue();

        assertThat(fresh.start(a, T0.plusMillis(499))).isFalse();
        assertThat(fresh.lastStart("a")).isNull();
        assertThat(fresh.start(a, T0.plusMillis(500))).isTrue();
    }

    @Test
    void anEmptyLaneIdles() {
        LanePlan plan = new LanePlan(budget, List.of());
        assertThat(plan.next(T0)).isEqualTo(new LanePlan.Step.Wait(T0.plus(LanePlan.IDLE)));
    }

    @Test
    void updateKeepsLastStartsOfKeptWatchesAndDropsRemovedOnes() {
        LanePlan plan = new LanePlan(budget, List.of(a, b));
        plan.start(a, T0);
        plan.start(b, T0.plusSeconds(1));

        Watch c = watch("c", "shop", Duration.ofSeconds(10));
        plan.update(List.of(watch("a", "shop", Duration.ofSeconds(10)), c));

        assertThat(plan.lastStart("a")).isEqualTo(T0);
        assertThat(plan.lastStart("b")).isNull();
        // b was the last started and is gone: the round-robin restarts from the top, a is not due yet
        assertThat(plan.next(T0.plusSeconds(2))).isEqualTo(new LanePlan.Step.Start(c));
    }

    @Test
    void aWatchWithoutIntervalUsesTheDefault() {
        Watch plain = watch("plain", "shop", null);
        LanePlan plan = new LanePlan(new SiteBudget(Rate.perSecond(100)), List.of(plain));
        plan.start(plain, T0);
        assertThat(plan.next(T0.plusSeconds(1))).isEqualTo(new LanePlan.Step.Wait(T0.plus(Watch.DEFAULT_INTERVAL)));
    }

    @Test
    void slowerRateAppliesFromTheLastStart() {
        LanePlan plan = new LanePlan(budget, List.of(a, b));
        plan.start(a, T0);
        budget.repace(new Rate(1, Duration.ofSeconds(3)));
        assertThat(plan.next(T0.plusSeconds(1))).isEqualTo(new LanePlan.Step.Wait(T0.plusSeconds(3)));
    }
}
