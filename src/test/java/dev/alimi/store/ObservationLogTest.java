package dev.alimi.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alimi.model.Availability;
import dev.alimi.model.Observation;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Backend.class)
class ObservationLogTest extends StoreTestBase {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void keepsEveryFieldOfAnObservation() {
        Observation o = new Observation("KF94", Availability.IN_STOCK, 12L, new BigDecimal("15900.50"), "KRW",
                "json-path $.stock = 12", "json-path", at(0));
        assertThat(store.observations().record(o, true, MINUTE)).isTrue();

        var kept = store.observations().recent("KF94", 10);
        assertThat(kept).hasSize(1);
        assertThat(kept.getFirst().observation()).isEqualTo(o);
        assertThat(kept.getFirst().transition()).isTrue();
    }

    @Test
    void hugeEvidenceIsCut() {
        String huge = "품절 ".repeat(100_000);
        store.observations().record(Observation.of("KF94", Availability.OUT_OF_STOCK, huge, "css", at(0)), true, MINUTE);

        String kept = store.observations().recent("KF94", 1).getFirst().observation().evidence();
        assertThat(kept).hasSize(Columns.EVIDENCE_MAX).startsWith("품절 품절").endsWith("…");
    }

    @Test
    void transitionsAreAlwaysKeptOthersSampled() {
        var log = store.observations();
        assertThat(log.record(soldOut("KF94", 0), false, MINUTE)).as("first of the watch").isTrue();
        assertThat(log.record(soldOut("KF94", 5), false, MINUTE)).as("5 s later, not a transition").isFalse();
        assertThat(log.record(inStock("KF94", 10, 3L, null), true, MINUTE)).as("transition").isTrue();
        assertThat(log.record(inStock("KF94", 20, 3L, null), false, MINUTE)).isFalse();
        assertThat(log.record(inStock("KF94", 70, 3L, null), false, MINUTE)).as("a minute after the last kept").isTrue();
        assertThat(log.record(soldOut("other", 11), false, MINUTE)).as("sampling is per watch").isTrue();

        assertThat(log.recent("KF94", 10)).extracting(s -> s.observation().observedAt())
                .containsExactly(at(70), at(10), at(0));
    }

    @Test
    void recentIsNewestFirstAndLimited() {
        for (int i = 0; i < 5; i++) {
            store.observations().record(soldOut("KF94", i), true, MINUTE);
        }
        assertThat(store.observations().recent("KF94", 2)).extracting(s -> s.observation().observedAt())
                .containsExactly(at(4), at(3));
    }

    @Test
    void pruneDropsWhatIsOlderThanTheMaxAge() {
        store.observations().record(soldOut("KF94", 0), true, MINUTE);
        store.observations().record(soldOut("KF94", 3_600), true, MINUTE);
        store.observations().record(soldOut("KF94", 7_200), true, MINUTE);

        long removed = store.observations().prune(at(7_200), new Retention(Duration.ofMinutes(90), 100));

        assertThat(removed).isEqualTo(1);
        assertThat(store.observations().recent("KF94", 10)).extracting(s -> s.observation().observedAt())
                .containsExactly(at(7_200), at(3_600));
    }

    @Test
    void pruneGoesOnBatchAfterBatchUntilEveryOldRowIsGone() {
        for (int i = 0; i < 7; i++) {
            store.observations().record(soldOut("KF94", i), true, MINUTE);
        }
        store.observations().record(soldOut("KF94", 7_200), true, MINUTE);

        long removed = ((JdbiObservationLog) store.observations())
                .prune(at(7_200), new Retention(Duration.ofMinutes(90), 100), 2);

        assertThat(removed).isEqualTo(7);
        assertThat(store.observations().recent("KF94", 10)).extracting(s -> s.observation().observedAt())
                .containsExactly(at(7_200));
    }

    @Test
    void pruneKeepsTheNewestRowsOfEachWatch() {
        for (int i = 0; i < 6; i++) {
            store.observations().record(soldOut("busy", i), true, MINUTE);
        }
        store.observations().record(soldOut("quiet", 0), true, MINUTE);

        long removed = store.observations().prune(at(10), new Retention(Duration.ofDays(1), 2));

        assertThat(removed).isEqualTo(4);
        assertThat(store.observations().recent("busy", 10)).extracting(s -> s.observation().observedAt())
                .containsExactly(at(5), at(4));
        assertThat(store.observations().recent("quiet", 10)).hasSize(1);
    }
}
