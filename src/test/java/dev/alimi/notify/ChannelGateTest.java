package dev.alimi.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alimi.model.Delivery;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pacing slots, announced quiet times, and the circuit breaker per channel. */
class ChannelGateTest {

    private static final Instant T0 = Instant.parse("2026-08-21T10:00:00Z");

    @Test
    void aBurstGoesAtOnceThenOnePerInterval() {
        ChannelGate gate = new ChannelGate(new Pacing(3, Duration.ofSeconds(1)));
        List<Instant> slots = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            slots.add(gate.reserve(T0));
        }
        assertThat(slots).containsExactly(T0, T0, T0, T0.plusSeconds(1), T0.plusSeconds(2));
        // after a quiet spell the burst is back
        assertThat(gate.reserve(T0.plusSeconds(60))).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void anAnnouncedTimeComesBeforeAnySlot() {
        ChannelGate gate = new ChannelGate(Pacing.UNLIMITED);
        gate.holdUntil(T0.plusSeconds(35));
        gate.holdUntil(T0.plusSeconds(5));
        assertThat(gate.reserve(T0)).isEqualTo(T0.plusSeconds(35));
        assertThat(gate.notBefore()).isEqualTo(T0.plusSeconds(35));
    }

    @Test
    void servicesDeclareTheirDocumentedPace() {
        ChannelContext context = ChannelContext.standard(Clock.systemUTC());
        ChannelRegistry registry = ChannelRegistry.standard();
        assertThat(registry.create(dev.alimi.model.ChannelSpec.of("d", "discord://1/tok"), context).pacing())
                .isEqualTo(new Pacing(5, Duration.ofMillis(400)));
        assertThat(registry.create(dev.alimi.model.ChannelSpec.of("t", "tgram://1:AAAAAAAAAAAA/-100123"), context)
                .pacing()).isEqualTo(new Pacing(3, Duration.ofSeconds(3)));
        assertThat(registry.create(dev.alimi.model.ChannelSpec.of("n", "ntfys://ntfy.sh/abc"), context).pacing())
                .isEqualTo(new Pacing(60, Duration.ofSeconds(5)));
    }

    /** A receiver failing again and again opens the breaker: held alerts wait instead of hammering it. */
    @Test
    void aChannelThatKeepsFailingIsHeldBackByItsBreaker() {
        Clock clock = Clock.systemUTC();
        ChannelContext context = new ChannelContext(HttpClient.newHttpClient(),
                new PrintStream(new ByteArrayOutputStream()), clock, Duration.ofSeconds(2));
        try (FakeSlack slack = new FakeSlack()) {
            for (int i = 0; i < 100; i++) {
                slack.respondNext(503, Map.of(), "busy");
            }
            Dispatcher dispatcher = new Dispatcher(Map.of("team", ChannelRegistry.standard().create(slack.spec("team"),
                    context)), clock, Duration.ofMillis(1200), new Backoff(Duration.ofMillis(10), Duration.ofMillis(10),
                    1.0), Duration.ofSeconds(30));

            Delivery d = dispatcher.dispatch(TestEvents.restocked("W", clock.instant()), List.of("team")).get(0);

            assertThat(d.outcome()).isEqualTo(Delivery.Outcome.EXPIRED);
            // with 10 ms between retries over 1.2 s, only the breaker explains so few requests
            assertThat(slack.received()).hasSize(4);
            assertThat(dispatcher.failing("team")).isTrue();
        }
    }
}
