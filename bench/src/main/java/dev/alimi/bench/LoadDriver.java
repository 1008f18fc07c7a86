package dev.alimi.bench;

import dev.alimi.cli.DemoShop;
import dev.alimi.config.ConfigChecks;
import dev.alimi.config.ConfigLoader;
import dev.alimi.detect.Detection;
import dev.alimi.detect.DetectorRegistry;
import dev.alimi.fetch.SiteFetcher;
import dev.alimi.model.Catalog;
import dev.alimi.model.ChannelSpec;
import dev.alimi.model.Observation;
import dev.alimi.model.Watch;
import dev.alimi.notify.ChannelContext;
import dev.alimi.notify.ChannelRegistry;
import dev.alimi.notify.Dispatcher;
import dev.alimi.notify.Backoff;
import dev.alimi.policy.AlertPolicy;
import dev.alimi.schedule.CheckListener;
import dev.alimi.schedule.CheckPipeline;
import dev.alimi.schedule.ConfirmBudget;
import dev.alimi.store.Store;
import dev.alimi.schedule.Lanes;
import dev.alimi.schedule.Lease;
import dev.alimi.schedule.SiteFetchers;
import dev.alimi.schedule.Sleeper;
import dev.alimi.track.Tracker;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Loopback load driver for the two figures of issue 2: the overhead from "the shop's response is
 * received" to "the receiver has the POST" (p50/p99), and the request rate a lane achieves against
 * its budget.
 */
public final class LoadDriver {

    private LoadDriver() {}

    public static void main(String[] args) throws Exception {
        int alerts = intArg(args, "--alerts", 2000);
        int seconds = intArg(args, "--seconds", 5);
        int[] rates = Arrays.stream(stringArg(args, "--rates", "5,20,50").split(",")).mapToInt(Integer::parseInt).toArray();
        Clock clock = Clock.systemUTC();
        try (DemoShop shop = DemoShop.start(0); Receiver receiver = new Receiver(clock)) {
            alertOverhead(shop, receiver, clock, alerts);
            for (int rate : rates) achievedRate(shop, clock, rate, seconds);
        }
    }

    private static void alertOverhead(DemoShop shop, Receiver receiver, Clock clock, int alerts) throws Exception {
        Catalog catalog = load(shop, receiver, 1000, "1s");
        Watch watch = catalog.watches().getFirst();
        AtomicReference<Observation> last = new AtomicReference<>();
        CheckListener listener = new CheckListener() {
            @Override
            public void observed(Watch w, Observation o) {
                last.set(o);
            }
        };
        try (SiteFetchers fetchers = new SiteFetchers(clock); HttpClient http = HttpClient.newHttpClient();
             Store store = tempStore()) {
            CheckPipeline pipeline = new CheckPipeline(fetchers, new Detection(DetectorRegistry.standard()),
                    new Tracker(), new AlertPolicy(), store, clock, ConfirmBudget.FREE, listener);
            ChannelContext context = new ChannelContext(http, System.out, clock, Duration.ofSeconds(5));
            ChannelSpec spec = catalog.channels().get("receiver");
            Dispatcher dispatcher = new Dispatcher(Map.of("receiver", ChannelRegistry.standard().create(spec, context)),
                    clock, catalog.alertTtl(), Backoff.DEFAULT);
            pipeline.apply(catalog, dispatcher);
            int warmup = Math.max(200, alerts / 5);
            List<Long> micros = new ArrayList<>();
            for (int i = 0; i < warmup + alerts; i++) {
                shop.setStock("kf94-50", 0);
                pipeline.check(watch);
                shop.setStock("kf94-50", 5);
                pipeline.check(watch); // restock: fetch, detect, track, policy, dispatch, receiver answers
                Instant arrived = receiver.nextArrival();
                if (i >= warmup) micros.add(Duration.between(last.get().observedAt(), arrived).toNanos() / 1000);
            }
            Collections.sort(micros);
            System.out.printf("alert overhead (response received -> receiver has the POST), %d alerts after %d warm-up:%n",
                    alerts, warmup);
            System.out.printf("  p50 %.2f ms   p90 %.2f ms   p99 %.2f ms   max %.2f ms%n", pct(micros, 50), pct(micros, 90),
                    pct(micros, 99), micros.getLast() / 1000.0);
        }
    }

    private static void achievedRate(DemoShop shop, Clock clock, int rate, int seconds) throws Exception {
        DemoShop fresh = DemoShop.start(0); // its own hit counters
        try (fresh; SiteFetchers fetchers = new SiteFetchers(clock); Receiver unused = new Receiver(clock);
             Store store = tempStore()) {
            Catalog catalog = load(fresh, unused, rate, "1ms");
            CheckPipeline pipeline = new CheckPipeline(fetchers, new Detection(DetectorRegistry.standard()),
                    new Tracker(), new AlertPolicy(), store, clock, ConfirmBudget.FREE, CheckListener.NONE);
            pipeline.apply(catalog, new Dispatcher(Map.of(), clock, catalog.alertTtl(), Backoff.DEFAULT));
            Lanes lanes = new Lanes(pipeline, Lease.ALWAYS, clock, Sleeper.parking());
            long start = System.nanoTime();
            lanes.apply(catalog);
            Thread.sleep(Duration.ofSeconds(seconds));
            lanes.stop();
            double elapsed = (System.nanoTime() - start) / 1e9;
            long hits = fresh.hits("/products/kf94-50") + fresh.hits("/products/kf94-100") + fresh.hits("/products/hand-gel");
            System.out.printf("rate budget %3d/s, 3 watches, interval 1ms: %5d requests in %.1f s = %6.1f/s (%.0f%% of budget)%n",
                    rate, hits, elapsed, hits / elapsed, 100.0 * hits / elapsed / rate);
        }
        shop.setStock("kf94-50", 0);
    }

    private static Catalog load(DemoShop shop, Receiver receiver, int rate, String interval) throws Exception {
        String base = shop.baseUrl().toString();
        String yaml = """
                defaults: { interval: %4$s, timeout: 2s }
                sites:
                  shop: { base-url: %1$s, rate: %3$d/s, max-in-flight: 4 }
                watches:
                  - { name: kf94-50, site: shop, url: %1$s/products/kf94-50,
                      detect: { css: button.buy, in-stock-text: [Add to cart], out-of-stock-text: [Sold out], price: p.price } }
                  - { name: kf94-100, site: shop, url: %1$s/products/kf94-100,
                      detect: { css: button.buy, in-stock-text: [Add to cart], out-of-stock-text: [Sold out] } }
                  - { name: hand-gel, site: shop, url: %1$s/products/hand-gel,
                      detect: { css: button.buy, in-stock-text: [Add to cart], out-of-stock-text: [Sold out] } }
                channels:
                  # a generic webhook: Slack's own pacing (about 1 message/s per webhook) would be measured otherwise
                  receiver: { type: webhook, url: "%2$s/hook" }
                """.formatted(base, receiver.baseUrl(), rate, interval);
        Path dir = Files.createTempDirectory("alimi-bench");
        Path file = Files.writeString(dir.resolve("alimi.yaml"), yaml);
        ChannelRegistry channels = ChannelRegistry.standard();
        return new ConfigLoader(new ConfigChecks(DetectorRegistry.standard().recipeNames(), channels::problem), Map.of())
                .load(file);
    }

    /** The pipeline records every check in a store, as the service does: SQLite in a temp folder. */
    private static Store tempStore() throws java.io.IOException {
        Path dir = Files.createTempDirectory("alimi-bench-store");
        return Store.open("sqlite:" + dir.resolve("bench.db"), dir);
    }

    private static double pct(List<Long> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, i)) / 1000.0;
    }

    static int intArg(String[] args, String name, int fallback) {
        return Integer.parseInt(stringArg(args, name, Integer.toString(fallback)));
    }

    static String stringArg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) if (args[i].equals(name)) return args[i + 1];
        return fallback;
    }
}
