package dev.alimi.bench;

import dev.alimi.model.Availability;
import dev.alimi.model.ChannelSpec;
import dev.alimi.model.Delivery;
import dev.alimi.model.DetectSpec;
import dev.alimi.model.Observation;
import dev.alimi.model.RequestSpec;
import dev.alimi.model.StockEvent;
import dev.alimi.model.Watch;
import dev.alimi.notify.Backoff;
import dev.alimi.notify.Channel;
import dev.alimi.notify.ChannelContext;
import dev.alimi.notify.ChannelRegistry;
import dev.alimi.notify.Dispatcher;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fan-out latency: one alert to N generic-webhook channels on loopback receivers, from the alert's
 * detection time to each receiver's acceptance (Delivery.latency), p50/p99 over all deliveries.
 */
final class FanOutDriver {

    private FanOutDriver() {}

    static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream(LoadDriver.stringArg(args, "--channels", "1,10,100,1000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int rounds = LoadDriver.intArg(args, "--rounds", 5);
        String type = LoadDriver.stringArg(args, "--type", "webhook");
        Clock clock = Clock.systemUTC();
        ChannelRegistry registry = ChannelRegistry.standard();
        try (Receiver a = new Receiver(clock); Receiver b = new Receiver(clock);
             HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            ChannelContext context = new ChannelContext(http, System.out, clock, Duration.ofSeconds(10));
            warmUpJit(registry, context, clock, a);
            for (int n : sizes) {
                Map<String, Channel> channels = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    Receiver to = i % 2 == 0 ? a : b;
                    ChannelSpec spec = type.equals("slack")
                            ? new ChannelSpec("c" + i, "slack://T000/B000/X" + i, null, to.baseUrl(), Map.of())
                            : new ChannelSpec("c" + i, to.baseUrl() + "/hook/" + i, "webhook", null, Map.of());
                    channels.put(spec.name(), registry.create(spec, context));
                }
                List<Long> micros = new ArrayList<>();
                List<Long> lastMicros = new ArrayList<>();
                try (Dispatcher dispatcher = new Dispatcher(channels, clock, Duration.ofMinutes(5), Backoff.DEFAULT)) {
                    dispatcher.warmUp();
                    for (int round = 0; round <= rounds; round++) {
                        List<Delivery> ds = dispatcher.dispatch(event(clock, round), channels.keySet());
                        long failed = ds.stream().filter(d -> d.outcome() != Delivery.Outcome.SENT).count();
                        if (failed > 0) System.out.printf("  %d of %d deliveries did not succeed%n", failed, ds.size());
                        if (round == 0) continue; // warm-up round
                        long last = 0;
                        for (Delivery d : ds) {
                            long us = d.latency().toNanos() / 1000;
                            micros.add(us);
                            last = Math.max(last, us);
                        }
                        lastMicros.add(last);
                        Thread.sleep(1100); // channels pace themselves per the service's limits
                    }
                }
                drain(a);
                drain(b);
                Collections.sort(micros);
                Collections.sort(lastMicros);
                System.out.printf("fan-out to %4d channels, %d rounds: per delivery p50 %7.2f ms  p99 %7.2f ms;"
                                + " last delivery of a round p50 %7.2f ms%n",
                        n, rounds, pct(micros, 50), pct(micros, 99), pct(lastMicros, 50));
            }
        }
    }

    /** Compiles the dispatch path before anything is measured: 2,000 alerts to one unpaced webhook. */
    private static void warmUpJit(ChannelRegistry registry, ChannelContext context, Clock clock, Receiver to) {
        ChannelSpec spec = new ChannelSpec("warm", to.baseUrl() + "/warm", "webhook", null, Map.of());
        try (Dispatcher d = new Dispatcher(Map.of("warm", registry.create(spec, context)), clock, Duration.ofMinutes(5),
                Backoff.DEFAULT)) {
            for (int i = 0; i < 2000; i++) d.dispatch(event(clock, i), List.of("warm"));
        }
        drain(to);
    }

    private static void drain(Receiver r) {
        while (r.poll() != null) { /* arrivals are not needed here */ }
    }

    private static StockEvent event(Clock clock, int round) {
        Watch watch = new Watch("Fan-out bench " + round, "bench", URI.create("https://shop.example/p/1"), null,
                RequestSpec.GET, new DetectSpec.Recipe("bench"), Duration.ofSeconds(5), null, null, null, null, List.of());
        Observation o = new Observation(watch.name(), Availability.IN_STOCK, 3L, new BigDecimal("15900"), "KRW",
                "bench", "bench", clock.instant());
        return new StockEvent.Restocked(watch, o);
    }

    private static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) return Double.NaN;
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, i)) / 1000.0;
    }
}
