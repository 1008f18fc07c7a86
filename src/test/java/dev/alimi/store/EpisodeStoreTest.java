package dev.alimi.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Backend.class)
class EpisodeStoreTest extends StoreTestBase {

    @Test
    void startRecordsTheFirstQuantityAndPrice() {
        Episode e = store.episodes().start("KF94", "coupang", at(0), 12L, new BigDecimal("15900"), "KRW");

        assertThat(e.isOpen()).isTrue();
        assertThat(e.length()).isEmpty();
        assertThat(e).extracting(Episode::watch, Episode::site, Episode::startedAt, Episode::firstQuantity,
                        Episode::lastQuantity, Episode::firstPrice, Episode::lastPrice, Episode::currency)
                .containsExactly("KF94", "coupang", at(0), 12L, 12L, new BigDecimal("15900"),
                        new BigDecimal("15900"), "KRW");
        assertThat(store.episodes().open("KF94")).contains(e);
    }

    @Test
    void startingTheSameEpisodeAgainReturnsIt() {
        Episode first = store.episodes().start("KF94", "coupang", at(0), 12L, null, null);
        Episode replay = store.episodes().start("KF94", "coupang", at(0), 99L, null, null);

        assertThat(replay).isEqualTo(first);
        assertThat(store.episodes().ofWatch("KF94", at(-1), 10)).hasSize(1);
    }

    @Test
    void updateKeepsTheFirstValuesAndSetsTheLast() {
        Episode e = store.episodes().start("KF94", "coupang", at(0), 12L, new BigDecimal("15900"), "KRW");

        assertThat(store.episodes().update(e.id(), 2L, new BigDecimal("14900"))).isTrue();

        Episode now = store.episodes().find(e.id()).orElseThrow();
        assertThat(now.firstQuantity()).isEqualTo(12L);
        assertThat(now.lastQuantity()).isEqualTo(2L);
        assertThat(now.firstPrice()).isEqualByComparingTo("15900");
        assertThat(now.lastPrice()).isEqualByComparingTo("14900");
    }

    @Test
    void endClosesTheEpisodeOnce() {
        Episode e = store.episodes().start("KF94", "coupang", at(0), null, null, null);

        Episode ended = store.episodes().end(e.id(), at(42)).orElseThrow();

        assertThat(ended.length()).contains(Duration.ofSeconds(42));
        assertThat(store.episodes().end(e.id(), at(99))).as("already ended").isEmpty();
        assertThat(store.episodes().update(e.id(), 1L, null)).as("ended episodes are not updated").isFalse();
        assertThat(store.episodes().open("KF94")).isEmpty();
        assertThat(store.episodes().find(e.id()).orElseThrow().endedAt()).isEqualTo(at(42));
    }

    @Test
    void ofWatchIsNewestFirstFromSince() {
        for (int i = 0; i < 3; i++) {
            Episode e = store.episodes().start("KF94", "coupang", at(i * 100), null, null, null);
            store.episodes().end(e.id(), at(i * 100 + 10));
        }
        store.episodes().start("other", "coupang", at(150), null, null, null);

        assertThat(store.episodes().ofWatch("KF94", at(100), 10)).extracting(Episode::startedAt)
                .containsExactly(at(200), at(100));
        assertThat(store.episodes().ofWatch("KF94", at(0), 1)).extracting(Episode::startedAt).containsExactly(at(200));
        assertThat(store.episodes().find(12_345)).isEmpty();
    }
}
