package dev.alimi.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alimi.model.Delivery;
import dev.alimi.model.StockEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A receiver that is down (it drops every connection unanswered) and then comes back: every alert
 * still within its TTL arrives exactly once; one that grew too old during the outage never arrives.
 */
class OutageTest {

    private final Clock clock = Clock.systemUTC();

    @Test
    void afterAnOutageEveryFreshAlertArrivesOnceAndStaleOnesNever() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ChannelContext context = new ChannelContext(http, new PrintStream(new ByteArrayOutputStream()), clock,
                Duration.ofSeconds(2));
        ChannelRegistry registry = ChannelRegistry.standard();
        FakeTelegram receiver = new FakeTelegram();
        receiver.setDown(true);
        URI base = receiver.baseUrl();
        Map<String, Channel> channels = new LinkedHashMap<>();
        for (String chat : List.of("1", "2", "3")) {
            channels.put("chat" + chat, registry.create(FakeTelegram.spec("chat" + chat, chat, base), context));
        }
        Duration ttl = Duration.ofSeconds(20);
        Dispatcher dispatcher = new Dispatcher(channels, clock, ttl,
                new Backoff(Duration.ofMillis(50), Duration.ofMillis(200), 2.0), Duration.ofMillis(300));
        List<StockEvent> fresh = List.of(TestEvents.restocked("Alpha", clock.instant()),
                TestEvents.restocked("Beta", clock.instant()));
        // observed long ago: its TTL ends while the receiver is still down
        StockEvent stale = TestEvents.restocked("Stale", clock.instant().minus(ttl).plusMillis(300));
        List<CompletableFuture<List<Delivery>>> running = new ArrayList<>();
        for (StockEvent e : List.of(fresh.get(0), fresh.get(1), stale)) {
            running.add(CompletableFuture.supplyAsync(() -> dispatcher.dispatch(e, channels.keySet()),
                    r -> Thread.ofVirtual().start(r)));
        }

        receiver.awaitDropped(12);
        List<Delivery> staleDeliveries = running.get(2).get(FakeReceiver.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        receiver.setDown(false);
        try (FakeTelegram back = receiver) {
            List<Delivery> all = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                all.addAll(running.get(i).get(ttl.toMillis(), TimeUnit.MILLISECONDS));
            }

            assertThat(all).hasSize(6).extracting(Delivery::outcome).containsOnly(Delivery.Outcome.SENT);
            assertThat(staleDeliveries).extracting(Delivery::outcome).containsOnly(Delivery.Outcome.EXPIRED);
            Map<String, Integer> arrived = new HashMap<>();
            for (FakeReceiver.Request r : back.received()) {
                var body = FakeJson.read(r.body());
                String key = body.path("chat_id").asText() + "/" + body.path("text").asText().replaceAll("<[^>]+>", "")
                        .split(" ")[0];
                arrived.merge(key, 1, Integer::sum);
            }
            assertThat(arrived).containsOnlyKeys("1/Alpha", "2/Alpha", "3/Alpha", "1/Beta", "2/Beta", "3/Beta")
                    .allSatisfy((k, n) -> assertThat(n).as(k).isEqualTo(1));
        } finally {
            http.close();
        }
    }
}
