package dev.alimi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Backend.class)
class StatsQueriesTest extends StoreTestBase {

    @BeforeEach
    void episodes() {
        closed("KF94", "coupang", 0, 42);
        closed("KF94", "coupang", 1_000, 5);
        closed("N95", "coupang", 500, 90);
        closed("Vita", "naver", 700, 3);
        store.episodes().start("KF94", "coupang", at(2_000), null, null, null);
    }

    private void closed(String watch, String site, long start, long seconds) {
        Episode e = store.episodes().start(watch, site, at(start), null, null, null);
        store.episodes().end(e.id(), at(start + seconds));
    }

    @Test
    void windowsAreClosedEpisodesOldestFirst() {
        assertThat(store.stats().windows(null)).extracting(EpisodeWindow::watch, EpisodeWindow::length)
                .containsExactly(
                        tuple("KF94", Duration.ofSeconds(42)),
                        tuple("N95", Duration.ofSeconds(90)),
                        tuple("Vita", Duration.ofSeconds(3)),
                        tuple("KF94", Duration.ofSeconds(5)));
        assertThat(store.stats().windows(at(600))).extracting(EpisodeWindow::watch).containsExactly("Vita", "KF94");
    }

    @Test
    void windowsPerWatchAndPerSite() {
        assertThat(store.stats().windowsOfWatch("KF94", null)).extracting(w -> w.length().toSeconds())
                .containsExactly(42L, 5L);
        assertThat(store.stats().windowsOfSite("coupang", null)).extracting(EpisodeWindow::watch)
                .containsExactly("KF94", "N95", "KF94");
        assertThat(store.stats().windowsOfSite("naver", at(800))).isEmpty();
    }

    @Test
    void countsIncludeOpenEpisodes() {
        assertThat(store.stats().counts(null)).containsExactly(
                new EpisodeCount("KF94", "coupang", 3, 1),
                new EpisodeCount("N95", "coupang", 1, 0),
                new EpisodeCount("Vita", "naver", 1, 0));
        assertThat(store.stats().counts(at(1_500))).containsExactly(new EpisodeCount("KF94", "coupang", 1, 1));
    }
}
