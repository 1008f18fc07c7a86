package dev.alimi.schedule;

import static dev.alimi.schedule.Fixtures.site;
import static dev.alimi.schedule.Fixtures.watch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.alimi.fetch.FetchResult;
import dev.alimi.fetch.SiteFetcher;
import dev.alimi.model.Catalog;
import dev.alimi.model.Rate;
import dev.alimi.model.Site;
import dev.alimi.model.Watch;
import dev.alimi.model.WebSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The site budget end to end, in real time over real HTTP: lanes with real {@link SiteFetcher}s
 * against fake shops on loopback that record when each request arrived.
 *
 * <p>Budget check: a site at 5/s may see at most 5 request starts in any 1 s window, so any 6
 * consecutive arrivals must span at least 1 s. Starts are spaced exactly by the lane's clock, but
 * each arrival is later than its start by a varying few milliseconds (virtual thread scheduling,
 * client and server on a loaded loopback), so the test allows 50 ms of that jitter: any 6
 * consecutive arrivals span at least 950 ms.
 */
class BudgetAcceptanceTest {

    private static final int RATE = 5;
    private static final int WATCHES = 10;
    private static final int ARRIVALS = 16;
    private static final Duration SIX_ARRIVALS_AT_LEAST = Duration.ofMillis(950);
    private static final double ACHIEVED_AT_LEAST = 4.0;

    private final Clock clock = Clock.systemUTC();
    private final Map<String, SiteFetcher> fetchers = new ConcurrentHashMap<>();
    private final Map<String, List<FetchResult>> results = new ConcurrentHashMap<>();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private Lanes lanes;

    @AfterEach
    void tearDown() throws Exception {
        if (lanes != null) lanes.stop();
        for (SiteFetcher f : fetchers.values()) f.close();
        for (AutoCloseable c : toClose) c.close();
    }

    private FakeShop shop(int status, Duration delay) throws IOException {
        FakeShop shop = new FakeShop(status, delay);
        toClose.add(shop);
        return shop;
    }

    private static List<Watch> watches(String siteName, URI base) {
        List<Watch> list = new ArrayList<>();
        for (int i = 0; i < WATCHES; i++) {
            list.add(watch(siteName + "-" + i, siteName, Duration.ZERO, base.resolve("/p/" + i)));
        }
        return list;
    }

    private static Catalog catalog(Map<Site, List<Watch>> sites) {
        Map<String, Site> map = new LinkedHashMap<>();
        List<Watch> all = new ArrayList<>();
        sites.forEach((site, watches) -> {
            map.put(site.name(), site);
            all.addAll(watches);
        });
        return new Catalog(null, map, all, Map.of(), List.of(), List.of(), Catalog.DEFAULT_ALERT_TTL,
                WebSettings.DEFAULT, "sqlite:alimi.db");
    }

    /** Starts lanes whose check is one real fetch, warming each site's client up first. */
    private void run(Catalog catalog, Map<String, List<Long>> startsBySite, Map<String, URI> warmUp) {
        for (Site site : catalog.sites().values()) {
            SiteFetcher fetcher = new SiteFetcher(site, clock);
            fetchers.put(site.name(), fetcher);
            URI url = warmUp.get(site.name());
            // the first request loads classes and opens a connection; keep that delay out of the timing
            if (url != null) fetcher.fetch(watch("warm-up", site.name(), Duration.ZERO, url));
            startsBySite.put(site.name(), Collections.synchronizedList(new ArrayList<>()));
            results.put(site.name(), Collections.synchronizedList(new ArrayList<>()));
        }
        CheckTask fetch = w -> {
            startsBySite.get(w.site()).add(System.nanoTime());
            results.get(w.site()).add(fetchers.get(w.site()).fetch(w));
        };
        lanes = new Lanes(fetch, Lease.ALWAYS, clock, Sleeper.parking());
        lanes.apply(catalog);
    }

    private static void assertWithinBudget(List<Long> nanos) {
        assertThat(nanos).hasSizeGreaterThanOrEqualTo(ARRIVALS);
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        for (int i = 0; i + RATE < sorted.size(); i++) {
            Duration span = Duration.ofNanos(sorted.get(i + RATE) - sorted.get(i));
            assertThat(span).as("arrivals %d..%d", i, i + RATE).isGreaterThanOrEqualTo(SIX_ARRIVALS_AT_LEAST);
        }
    }

    private static double achievedRate(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        double seconds = (sorted.getLast() - sorted.getFirst()) / 1e9;
        return (sorted.size() - 1) / seconds;
    }

    private List<Integer> statuses(String site) {
        return List.copyOf(results.get(site)).stream()
                .map(r -> r instanceof FetchResult.Fetched f ? f.page().status() : -1).toList();
    }

    private static List<Long> nanosOf(List<FakeShop.Arrival> arrivals) {
        return arrivals.stream().map(FakeShop.Arrival::nanos).toList();
    }

    @Test
    void aFastShopSeesTheWholeBudgetAndNeverMore() throws Exception {
        FakeShop shop = shop(200, Duration.ZERO);
        Site site = site("fast", Rate.perSecond(RATE));
        run(catalog(Map.of(site, watches("fast", shop.url("/")))), new ConcurrentHashMap<>(),
                Map.of("fast", shop.warmUpUrl()));

        await().atMost(Duration.ofSeconds(10)).until(() -> shop.arrivalCount() >= ARRIVALS);
        lanes.stop();

        List<FakeShop.Arrival> arrivals = shop.arrivals();
        assertWithinBudget(nanosOf(arrivals));
        assertThat(achievedRate(nanosOf(arrivals))).isGreaterThanOrEqualTo(ACHIEVED_AT_LEAST);
        Set<String> paths = new HashSet<>();
        arrivals.forEach(a -> paths.add(a.path()));
        assertThat(paths).as("every watch had its turn").hasSize(WATCHES);
        assertThat(statuses("fast")).isNotEmpty().containsOnly(200);
    }

    @Test
    void aSlowShopDoesNotDelayStarts() throws Exception {
        FakeShop shop = shop(200, Duration.ofMillis(700));
        Site site = site("slow", Rate.perSecond(RATE));
        run(catalog(Map.of(site, watches("slow", shop.url("/")))), new ConcurrentHashMap<>(),
                Map.of("slow", shop.warmUpUrl()));

        await().atMost(Duration.ofSeconds(10)).until(() -> shop.arrivalCount() >= ARRIVALS);
        lanes.stop();

        List<Long> arrivals = nanosOf(shop.arrivals());
        assertWithinBudget(arrivals);
        // 5 starts a second with 700 ms each keeps 3.5 in flight: the cap of 4 is never the limit
        assertThat(achievedRate(arrivals)).isGreaterThanOrEqualTo(ACHIEVED_AT_LEAST);
        assertThat(shop.maxServing()).isBetween(2, Site.DEFAULT_MAX_IN_FLIGHT);
        assertThat(statuses("slow")).isNotEmpty().containsOnly(200);
    }

    @Test
    void failingRequestsDoNotSpeedTheLaneUp() throws Exception {
        FakeShop broken = shop(500, Duration.ZERO);
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        URI refused = URI.create("http://127.0.0.1:" + closedPort + "/");
        Site errors = site("errors", Rate.perSecond(RATE));
        Site down = site("down", Rate.perSecond(RATE));
        Map<Site, List<Watch>> sites = new LinkedHashMap<>();
        sites.put(errors, watches("errors", broken.url("/")));
        sites.put(down, watches("down", refused));
        Map<String, List<Long>> starts = new ConcurrentHashMap<>();
        run(catalog(sites), starts, Map.of("errors", broken.warmUpUrl()));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> broken.arrivalCount() >= ARRIVALS && starts.get("down").size() >= ARRIVALS);
        lanes.stop();

        assertWithinBudget(nanosOf(broken.arrivals()));
        assertThat(achievedRate(nanosOf(broken.arrivals()))).isGreaterThanOrEqualTo(ACHIEVED_AT_LEAST);
        // nothing arrives anywhere for the closed port: the check starts are what the site would see
        List<Long> downStarts = List.copyOf(starts.get("down"));
        assertWithinBudget(downStarts);
        assertThat(achievedRate(downStarts)).isGreaterThanOrEqualTo(ACHIEVED_AT_LEAST);
        assertThat(statuses("errors")).isNotEmpty().containsOnly(500);
        assertThat(statuses("down")).as("refused connections fail").isNotEmpty().containsOnly(-1);
    }
}
