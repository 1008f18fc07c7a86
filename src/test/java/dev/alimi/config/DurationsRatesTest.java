package dev.alimi.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alimi.model.Rate;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsRatesTest {

    @Test
    void durations() {
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(Durations.parse("1m")).isEqualTo(Duration.ofMinutes(1));
        assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse("1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Durations.parse(" 2S ")).isEqualTo(Duration.ofSeconds(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2", "s", "2 seconds", "-1s", "1x", "2s3", "99999999999999999999d"})
    void badDurations(String s) {
        assertThatThrownBy(() -> Durations.parse(s)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("expected a duration like 500ms, 2s or 1m");
    }

    @Test
    void rates() {
        assertThat(Rates.parse("1/s")).isEqualTo(Rate.perSecond(1));
        assertThat(Rates.parse("30/min")).isEqualTo(new Rate(30, Duration.ofMinutes(1)));
        assertThat(Rates.parse("2/sec")).isEqualTo(Rate.perSecond(2));
        assertThat(Rates.parse("100/h")).isEqualTo(new Rate(100, Duration.ofHours(1)));
        assertThat(Rates.parse("1/2s")).isEqualTo(new Rate(1, Duration.ofSeconds(2)));
        assertThat(Rates.parse("3 / 500ms")).isEqualTo(new Rate(3, Duration.ofMillis(500)));
        assertThat(Rates.parse("1/2s").spacing()).isEqualTo(Duration.ofSeconds(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "fast", "0/s", "1/0s", "1/fortnight", "-1/s", "1.5/s"})
    void badRates(String s) {
        assertThatThrownBy(() -> Rates.parse(s)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("expected a rate like 1/s, 30/min or 1/2s");
    }

    @Test
    void sizes() {
        assertThat(Sizes.parse("5MB")).isEqualTo(5L * 1024 * 1024);
        assertThat(Sizes.parse("512KB")).isEqualTo(512L * 1024);
        assertThat(Sizes.parse("100")).isEqualTo(100L);
        assertThatThrownBy(() -> Sizes.parse("5 lots")).hasMessage("expected a size like 512KB or 5MB");
    }
}
