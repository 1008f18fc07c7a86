package dev.alimi.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alimi.model.Delivery;
import dev.alimi.model.StockEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Many channels at once: every alert arrives once, and no channel is asked again before its announced time. */
class FanOutTest {

    private static final int CHANNELS = 200;
    private static final int RECEIVERS = 4;
    private static final int RATE_LIMITED_PER_RECEIVER = 3;

    private final Clock clock = Clock.systemUTC();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ChannelContext context = new ChannelContext(http, new PrintStream(new ByteArrayOutputStream()),
            clock, Duration.ofSeconds(10));
    private final ChannelRegistry registry = ChannelRegistry.standard();
    private final List<FakeTelegram> receivers = new ArrayList<>();

    @AfterEach
    void stop() {
        receivers.forEach(FakeReceiver::close);
        http.close();
    }

    @Test
    void twoHundredChannelsOnFourReceiversGetTheAlertOnceAndObeyTheir429s() {
        for (int i = 0; i < RECEIVERS; i++) {
            FakeTelegram r = new FakeTelegram();
            for (int k = 0; k < RATE_LIMITED_PER_RECEIVER; k++) {
                r.respondNext(429, Map.of("Content-Type", "application/json"), FakeTelegram.RATE_LIMITED);
            }
            receivers.add(r);
        }
        Map<String, Channel> channels = new LinkedHashMap<>();
        for (int c = 1; c <= CHANNELS; c++) {
            FakeTelegram r = receivers.get(c % RECEIVERS);
            channels.put("chat" + c, registry.create(FakeTelegram.spec("chat" + c, Integer.toString(c), r.baseUrl()),
                    context));
        }
        StockEvent event = TestEvents.restocked("Widget Pro", clock.instant());

        List<Delivery> ds = new Dispatcher(channels, clock, Duration.ofMinutes(1), Backoff.DEFAULT)
                .dispatch(event, channels.keySet());

        assertThat(ds).hasSize(CHANNELS).extracting(Delivery::outcome).containsOnly(Delivery.Outcome.SENT);
        assertThat(ds).filteredOn(d -> d.attempts() == 2).hasSize(RECEIVERS * RATE_LIMITED_PER_RECEIVER);
        Map<String, Integer> accepted = new HashMap<>();
        for (FakeTelegram r : receivers) {
            List<FakeReceiver.Request> rs = r.received();
            Map<String, FakeReceiver.Request> limitedAt = new HashMap<>();
            for (int i = 0; i < rs.size(); i++) {
                String chat = FakeJson.read(rs.get(i).body()).path("chat_id").asText();
                if (i < RATE_LIMITED_PER_RECEIVER) {
                    limitedAt.put(chat, rs.get(i));
                    continue;
                }
                accepted.merge(chat, 1, Integer::sum);
                FakeReceiver.Request limited = limitedAt.get(chat);
                if (limited != null) {
                    assertThat(rs.get(i).arrivedNanos() - limited.arrivedNanos())
                            .as("chat %s asked again before its retry_after", chat)
                            .isGreaterThanOrEqualTo(Duration.ofSeconds(1).toNanos());
                }
            }
        }
        assertThat(accepted).hasSize(CHANNELS).allSatisfy((chat, n) -> assertThat(n).as(chat).isEqualTo(1));
    }

    /** One alert's 429 holds back the next alert on the same channel until the announced time. */
    @Test
    void aRetryAfterAnnouncedToOneAlertHoldsBackTheNext() {
        FakeTelegram r = new FakeTelegram();
        receivers.add(r);
        r.respondNext(429, Map.of("Retry-After", "2", "Content-Type", "application/json"),
                FakeTelegram.RATE_LIMITED.replace(":1}", ":2}"));
        Map<String, Channel> channels = Map.of("chat", registry.create(FakeTelegram.spec("chat", "7", r.baseUrl()),
                context));
        Dispatcher dispatcher = new Dispatcher(channels, clock, Duration.ofMillis(1500), Backoff.DEFAULT);

        Delivery first = dispatcher.dispatch(TestEvents.restocked("First", clock.instant()), List.of("chat")).get(0);
        Delivery second = dispatcher.dispatch(TestEvents.restocked("Second", clock.instant()), List.of("chat")).get(0);
        Delivery third = new Dispatcher(channels, clock, Duration.ofMinutes(1), Backoff.DEFAULT)
                .dispatch(TestEvents.restocked("Third", clock.instant()), List.of("chat")).get(0);

        assertThat(first.outcome()).isEqualTo(Delivery.Outcome.EXPIRED);
        // the second alert would have to wait past its TTL: dropped without a request
        assertThat(second.outcome()).isEqualTo(Delivery.Outcome.EXPIRED);
        assertThat(second.attempts()).isZero();
        assertThat(third.outcome()).isEqualTo(Delivery.Outcome.SENT);
        List<FakeReceiver.Request> rs = r.received();
        assertThat(rs).hasSize(2);
        assertThat(rs.get(1).arrivedNanos() - rs.get(0).arrivedNanos())
                .isGreaterThanOrEqualTo(Duration.ofSeconds(2).toNanos());
    }

    /** Discord's headers say the bucket is empty: the next message waits for its reset. */
    @Test
    void anEmptyRateLimitBucketHoldsBackTheNextMessage() {
        try (FakeDiscord discord = new FakeDiscord()) {
            discord.respondNext(200, Map.of("Content-Type", "application/json", "X-RateLimit-Limit", "5",
                    "X-RateLimit-Remaining", "0", "X-RateLimit-Reset-After", "0.8"), "{\"id\":\"1\"}");
            Map<String, Channel> channels = Map.of("d", registry.create(discord.spec("d"), context));
            Dispatcher dispatcher = new Dispatcher(channels, clock, Duration.ofMinutes(1), Backoff.DEFAULT);

            dispatcher.dispatch(TestEvents.restocked("First", clock.instant()), List.of("d"));
            Delivery second = dispatcher.dispatch(TestEvents.restocked("Second", clock.instant()), List.of("d")).get(0);

            assertThat(second.outcome()).isEqualTo(Delivery.Outcome.SENT);
            List<FakeReceiver.Request> rs = discord.received();
            assertThat(rs).hasSize(2);
            assertThat(rs.get(1).arrivedNanos() - rs.get(0).arrivedNanos())
                    .isGreaterThanOrEqualTo(Duration.ofMillis(800).toNanos());
        }
    }
}
