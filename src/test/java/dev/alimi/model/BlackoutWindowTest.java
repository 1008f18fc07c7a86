package dev.alimi.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BlackoutWindowTest {

    @Test
    void weekdayWindowInSeoulMatchesTheUtcInstantsItCovers() {
        BlackoutWindow w = BlackoutWindow.parse("Mon-Fri 10:00-11:00 Asia/Seoul");
        assertThat(w.contains(Instant.parse("2026-03-02T01:00:00Z"))).as("Mon 10:00 KST").isTrue();
        assertThat(w.contains(Instant.parse("2026-03-02T01:59:59Z"))).as("Mon 10:59:59 KST").isTrue();
        assertThat(w.contains(Instant.parse("2026-03-02T02:00:00Z"))).as("Mon 11:00 KST: end excluded").isFalse();
        assertThat(w.contains(Instant.parse("2026-03-01T01:30:00Z"))).as("Sun 10:30 KST").isFalse();
        assertThat(w.contains(Instant.parse("2026-03-06T01:30:00Z"))).as("Fri 10:30 KST").isTrue();
    }

    @Test
    void windowPastMidnightBelongsToItsStartDay() {
        BlackoutWindow w = BlackoutWindow.parse("Sat 22:00-02:00");
        assertThat(w.contains(Instant.parse("2026-03-07T23:00:00Z"))).as("Sat 23:00").isTrue();
        assertThat(w.contains(Instant.parse("2026-03-08T01:00:00Z"))).as("Sun 01:00, Saturday's window").isTrue();
        assertThat(w.contains(Instant.parse("2026-03-09T01:00:00Z"))).as("Mon 01:00").isFalse();
    }

    @Test
    void noDaysMeansEveryDayAndDayListsWork() {
        assertThat(BlackoutWindow.parse("09:00-10:00 +09:00").contains(Instant.parse("2026-03-01T00:30:00Z"))).isTrue();
        assertThat(BlackoutWindow.parse("Sat,Sun 00:00-23:59 UTC").contains(Instant.parse("2026-03-01T12:00:00Z"))).isTrue();
    }

    @Test
    void badWindowsSayWhatIsWrong() {
        assertThatThrownBy(() -> BlackoutWindow.parse("Mon-Fri 10-11 Asia/Seoul")).hasMessageContaining("expected a time like 10:00");
        assertThatThrownBy(() -> BlackoutWindow.parse("Mun 10:00-11:00")).hasMessageContaining("unknown day 'Mun'");
        assertThatThrownBy(() -> BlackoutWindow.parse("Mon")).hasMessageContaining("missing the time range");
        assertThatThrownBy(() -> BlackoutWindow.parse("10:00-10:00")).hasMessageContaining("empty");
    }
}
