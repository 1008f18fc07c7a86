package dev.alimi.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alimi.model.Availability;
import dev.alimi.model.Change;
import dev.alimi.model.Observation;
import dev.alimi.model.Rules;
import dev.alimi.model.Told;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** When an observation during an alerted episode is worth updating the alert, against what users were last told. */
class ChangePolicyTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private final ChangePolicy policy = new ChangePolicy();

    private static Observation seen(long second, Long quantity, String price) {
        return new Observation("KF94", Availability.IN_STOCK, quantity, price == null ? null : new BigDecimal(price),
                "KRW", "button says buy", "css", T0.plusSeconds(second));
    }

    private static Rules priceChange(String percent) {
        return new Rules(null, null, null, null, null, null, null, null, percent == null ? null : new BigDecimal(percent));
    }

    private static Rules minStock(int n) {
        return new Rules(n, null, null, null, null, null, null, null);
    }

    private static Told told(String price, Long quantity) {
        return new Told(price == null ? null : new BigDecimal(price), quantity, null);
    }

    @ParameterizedTest
    @CsvSource({
            "15900, 17490, 10, true", // exactly 10% up
            "15900, 17489, 10, false",
            "15900, 14310, 10, true", // exactly 10% down
            "15900, 14311, 10, false",
            "15900, 19080, 20, true",
            "15900, 19079, 20, false",
            "15900, 15901, 0.005, true"})
    void aPriceMoveCountsFromTheThresholdOnBothWays(String was, String now, String percent, boolean changed) {
        List<Change> what = policy.changes(priceChange(percent), told(was, null), seen(60, null, now));

        assertThat(what).isEqualTo(changed
                ? List.of(new Change.Price(new BigDecimal(was), new BigDecimal(now), "KRW")) : List.of());
    }

    @Test
    void theDefaultThresholdIsTenPercent() {
        assertThat(policy.changes(Rules.NONE, told("10000", null), seen(60, null, "10999"))).isEmpty();
        assertThat(policy.changes(Rules.NONE, told("10000", null), seen(60, null, "11000"))).hasSize(1);
        assertThat(Rules.NONE.priceChangePercent()).isEqualByComparingTo("10");
    }

    /** Measured against the last telling, not the last observation: 3% steps add up to an update. */
    @Test
    void slowDriftAddsUpUntilItIsTold() {
        Told told = told("10000", null);
        String[] steps = {"10300", "10600", "10900", "11200"};
        int updateAt = -1;
        for (int i = 0; i < steps.length; i++) {
            if (!policy.changes(Rules.NONE, told, seen(60L * (i + 1), null, steps[i])).isEmpty()) {
                updateAt = i;
                break;
            }
        }
        assertThat(updateAt).as("the step that first reaches 10% from 10,000").isEqualTo(3);
    }

    /** Jitter around the told price never adds up: each observation is compared with the told price, not the last one. */
    @Test
    void jitterUnderTheThresholdNeverSpeaks() {
        Told told = told("10000", 5L);
        String[] prices = {"10900", "9100", "10900", "9100", "10500", "9500"};
        for (int i = 0; i < prices.length; i++) {
            assertThat(policy.changes(minStock(3), told, seen(60L * (i + 1), 5L, prices[i]))).as(prices[i]).isEmpty();
        }
    }

    @Test
    void offAndZeroSwitchPriceUpdatesOff() {
        assertThat(policy.changes(priceChange("0"), told("10000", null), seen(60, null, "50000"))).isEmpty();
    }

    @Test
    void anUnknownPriceOnEitherSideIsNoChange() {
        assertThat(policy.changes(Rules.NONE, told(null, null), seen(60, null, "50000"))).isEmpty();
        assertThat(policy.changes(Rules.NONE, told("10000", null), seen(60, null, null))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "5, 4, low", "9, 2, low", "null, 2, low", "5, 5, none", "4, 3, none", "4, 5, back", "2, 12, back",
            "5, null, none", "null, null, none"})
    void aQuantityCrossingMinStockIsAChange(Long toldQuantity, Long nowQuantity, String expected) {
        List<Change> what = policy.changes(minStock(5), told(null, toldQuantity), seen(60, nowQuantity, null));

        assertThat(what).isEqualTo(switch (expected) {
            case "low" -> List.of(new Change.LowStock(nowQuantity, 5));
            case "back" -> List.of(new Change.StockBack(nowQuantity, 5));
            default -> List.of();
        });
    }

    @Test
    void withoutMinStockAQuantityIsNoChange() {
        assertThat(policy.changes(Rules.NONE, told(null, 50L), seen(60, 1L, null))).isEmpty();
    }

    @Test
    void priceAndQuantityChangeTogether() {
        List<Change> what = policy.changes(minStock(5), told("10000", 8L), seen(60, 2L, "12000"));

        assertThat(what).containsExactly(new Change.Price(new BigDecimal("10000"), new BigDecimal("12000"), "KRW"),
                new Change.LowStock(2, 5));
    }

    @ParameterizedTest
    @EnumSource(value = Availability.class, names = {"UNKNOWN", "BLOCKED", "ERROR", "OUT_OF_STOCK"})
    void onlyAnInStockObservationMakesAChange(Availability availability) {
        Observation o = new Observation("KF94", availability, 1L, new BigDecimal("99999"), "KRW", "?", "css", T0);

        assertThat(policy.changes(minStock(5), told("10000", 8L), o)).isEmpty();
    }

    /** A price flapping across the threshold is told at most once per gap; a change still there after it is told. */
    @Test
    void updatesOfOneAlertAreAtLeastTheGapApart() {
        Told justUpdated = new Told(new BigDecimal("12000"), null, T0);

        assertThat(policy.changes(Rules.NONE, justUpdated, seen(1, null, "10000"))).isEmpty();
        assertThat(policy.changes(Rules.NONE, justUpdated, seen(ChangePolicy.MIN_GAP.toSeconds() - 1, null, "10000")))
                .isEmpty();
        assertThat(policy.changes(Rules.NONE, justUpdated, seen(ChangePolicy.MIN_GAP.toSeconds(), null, "10000")))
                .hasSize(1);
        assertThat(new ChangePolicy(Duration.ZERO).changes(Rules.NONE, justUpdated, seen(1, null, "10000"))).hasSize(1);
    }

    /** The first update after the alert need not wait: the gap is between updates. */
    @Test
    void theFirstUpdateGoesOutAtOnce() {
        assertThat(policy.changes(Rules.NONE, told("10000", null), seen(1, null, "13000"))).hasSize(1);
    }

    @Test
    void aRetellingKeepsFactsTheObservationLacks() {
        Told told = new Told(new BigDecimal("10000"), 8L, null);

        assertThat(told.retold(seen(60, 2L, null), T0.plusSeconds(60)))
                .isEqualTo(new Told(new BigDecimal("10000"), 2L, T0.plusSeconds(60)));
    }
}
