package dev.alimi.fetch;

import static dev.alimi.fetch.Fixtures.CLOCK;
import static dev.alimi.fetch.Fixtures.NOW;
import static dev.alimi.fetch.Fixtures.site;
import static dev.alimi.fetch.Fixtures.watch;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import dev.alimi.model.RequestSpec;
import dev.alimi.model.Site;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the fetcher sends, and how it treats statuses, redirects, refusals and slow bodies. */
class SiteFetcherRequestTest {

    private final FakeShop shop = new FakeShop();
    private final AtomicReference<Headers> seenHeaders = new AtomicReference<>();
    private final AtomicReference<String> seenMethod = new AtomicReference<>();
    private final AtomicReference<String> seenBody = new AtomicReference<>();

    FakeShop echo() {
        return shop.on("/echo", ex -> {
            seenHeaders.set(ex.getRequestHeaders());
            seenMethod.set(ex.getRequestMethod());
            seenBody.set(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            FakeShop.respond(ex, 200, "text/plain; charset=utf-8", "ok".getBytes(StandardCharsets.UTF_8));
        });
    }

    @AfterEach
    void stop() {
        shop.close();
    }

    @Test
    void sendsSiteAndWatchHeadersCookiesUserAgentAndEncodings() {
        echo();
        Site s = site(Duration.ofSeconds(5),
                Map.of("X-Shop-Key", "site", "X-Both", "from-site", "Host", "evil.example", "Connection", "close",
                        "Content-Length", "99", "Accept-Encoding", "br", "Bad Name", "x", "X-Split", "a\r\nInjected: 1"),
                Map.of("sid", "abc", "cart", "7"), List.of(), 1 << 20, 1 << 20);
        RequestSpec req = new RequestSpec("GET", null, null, Map.of("X-Both", "from-watch", "X-Watch", "w"));
        try (SiteFetcher f = new SiteFetcher(s, CLOCK)) {
            FetchResult r = f.fetch(watch(shop.uri("/echo"), req));

            assertThat(r).isInstanceOf(FetchResult.Fetched.class);
            Headers h = seenHeaders.get();
            assertThat(h.getFirst("X-Shop-Key")).isEqualTo("site");
            assertThat(h.getFirst("X-Watch")).isEqualTo("w");
            assertThat(h.get("X-Both")).containsExactly("from-watch");
            assertThat(h.getFirst("User-Agent")).isEqualTo(Fixtures.UA);
            assertThat(h.getFirst("Accept-Encoding")).isEqualTo("gzip, deflate");
            assertThat(h.getFirst("Accept")).contains("text/html");
            assertThat(h.get("Cookie")).hasSize(1);
            assertThat(Arrays.asList(h.getFirst("Cookie").split("; "))).containsExactlyInAnyOrder("sid=abc", "cart=7");
            assertThat(h.getFirst("Host")).isEqualTo("127.0.0.1:" + shop.port());
            assertThat(h).doesNotContainKeys("X-split", "Injected", "Bad name");
        }
    }

    @Test
    void postsBodyWithContentType() {
        echo();
        RequestSpec post = new RequestSpec("POST", "{\"query\":\"{ stock }\"}", "application/json", Map.of());
        try (SiteFetcher f = new SiteFetcher(site(), CLOCK)) {
            FetchResult r = f.fetch(watch(shop.uri("/echo"), post));

            assertThat(r).isInstanceOf(FetchResult.Fetched.class);
            assertThat(seenMethod.get()).isEqualTo("POST");
            assertThat(seenBody.get()).isEqualTo("{\"query\":\"{ stock }\"}");
            assertThat(seenHeaders.get().getFirst("Content-Type")).isEqualTo("application/json");
        }
    }

    @Test
    void putsFormBody() {
        echo();
        RequestSpec put = new RequestSpec("PUT", "a=1&b=%ED%95%9C", "application/x-www-form-urlencoded", Map.of());
        try (SiteFetcher f = new SiteFetcher(site(), CLOCK)) {
            f.fetch(watch(shop.uri("/echo"), put));

            assertThat(seenMethod.get()).isEqualTo("PUT");
            assertThat(seenBody.get()).isEqualTo("a=1&b=%ED%95%9C");
            assertThat(seenHeaders.get().getFirst("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        }
    }

    @Test
    void serverErrorIsFetchedWithItsStatus() {
        shop.on("/boom", ex -> FakeShop.respond(ex, 500, "text/html", "<h1>oops</h1>".getBytes(StandardCharsets.UTF_8)));
        try (SiteFetcher f = new SiteFetcher(site(), CLOCK)) {
            FetchResult r = f.fetch(watch(shop.uri("/boom")));

            assertThat(r).isInstanceOfSatisfying(FetchResult.Fetched.class, ok -> {
                assertThat(ok.page().status()).isEqualTo(500);
                assertThat(ok.page().body()).isEqualTo("<h1>oops</h1>");
                assertThat(ok.page().contentType()).isEqualTo("text/html");
                assertThat(ok.page().receivedAt()).isEqualTo(NOW);
            });
        }
    }

    @Test
    void connectionRefusedFails() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (SiteFetcher f = new SiteFetcher(site(), CLOCK)) {
            FetchResult r = f.fetch(watch(URI.create("http://127.0.0.1:" + closedPort + "/p")));

            assertThat(r).isInstanceOfSatisfying(FetchResult.Failed.class, fail -> {
                assertThat(fail.reason()).isEqualTo("connection refused by 127.0.0.1:" + closedPort);
                assertThat(fail.at()).isEqualTo(NOW);
            });
        }
    }

    @Test
    void unknownHostFails() {
        try (SiteFetcher f = new SiteFetcher(site(), CLOCK)) {
            assertThat(f.fetch(watch(URI.create("http://shop.invalid/p"))))
                    .isEqualTo(new FetchResult.Failed("unknown host shop.invalid:80", NOW));
        }
    }

    @Test
    void tlsToAPlainTextServerFails() throws Exception {
        try (ServerSocket plain = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (var socket = plain.accept()) {
                    // Read the ClientHello before answering, and let the client hang up first: closing with
                    // unread input would reset the connection instead of showing it plain text. No EOF of
                    // ours either: with text and EOF together the client twice waited out the 5 s timeout in
                    // loaded full-suite runs (never reproduced alone); the text by itself is what is tested.
                    socket.getInputStream().read(new byte[4096]);
                    socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                    socket.getInputStream().transferTo(OutputStream.nullOutputStream());
                } catch (IOException e) {
                    // the test is over
                }
            });
            URI https = URI.create("https://127.0.0.1:" + plain.getLocalPort() + "/p");
            try (SiteFetcher f = new SiteFetcher(site(), CLOCK)) {
                FetchResult r = f.fetch(watch(https));

                assertThat(r).isInstanceOfSatisfying(FetchResult.Failed.class, fail -> assertThat(fail.reason())
                        .startsWith("TLS ").contains("127.0.0.1:" + plain.getLocalPort()));
            }
        }
    }

    @Test
    void slowTricklingBodyTimesOut() {
        shop.on("/slow", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            try {
                while (true) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(20);
                }
            } catch (InterruptedException | IOException e) {
                // the client hung up or the test ended: the trickle is over
            }
        });
        Site s = site(Duration.ofMillis(300), Map.of(), Map.of(), List.of(), 1 << 20, 1 << 20);
        try (SiteFetcher f = new SiteFetcher(s, CLOCK)) {
            FetchResult r = f.fetch(watch(shop.uri("/slow")));

            assertThat(r).isEqualTo(new FetchResult.Failed("timed out after 300ms", NOW));
        }
    }

    @Test
    void interruptedFetchFailsAndKeepsTheInterrupt() throws Exception {
        java.util.concurrent.CountDownLatch arrived = new java.util.concurrent.CountDownLatch(1);
        shop.on("/hang", ex -> {
            arrived.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        AtomicReference<FetchResult> result = new AtomicReference<>();
        AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
        try (SiteFetcher f = new SiteFetcher(site(Duration.ofSeconds(30), Map.of(), Map.of(), List.of(), 1 << 20, 1 << 20),
                CLOCK)) {
            Thread lane = Thread.ofVirtual().start(() -> {
                result.set(f.fetch(watch(shop.uri("/hang"))));
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            });
            arrived.await();
            lane.interrupt();
            lane.join();
        }
        assertThat(result.get()).isEqualTo(new FetchResult.Failed("interrupted", NOW));
        assertThat(stillInterrupted.get()).isTrue();
    }

    @Test
    void slowHeadersTimeOut() {
        shop.on("/stall", ex -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Site s = site(Duration.ofMillis(300), Map.of(), Map.of(), List.of(), 1 << 20, 1 << 20);
        try (SiteFetcher f = new SiteFetcher(s, CLOCK)) {
            assertThat(f.fetch(watch(shop.uri("/stall")))).isEqualTo(new FetchResult.Failed("timed out after 300ms", NOW));
        }
    }

    private void redirectChain() {
        shop.on("/r/", ex -> {
            int n = Integer.parseInt(ex.getRequestURI().getPath().substring(3));
            if (n == 0) {
                FakeShop.respond(ex, 200, "text/plain", ("done via " + ex.getRequestMethod()).getBytes(StandardCharsets.UTF_8));
            } else {
                // relative Location, resolved against the current URL
                ex.getResponseHeaders().set("Location", String.valueOf(n - 1));
                ex.sendResponseHeaders(n % 2 == 0 ? 302 : 301, -1);
            }
        });
    }

    @Test
    void followsRedirectsToTheFinalUrl() {
        redirectChain();
        try (SiteFetcher f = new SiteFetcher(site(), CLOCK)) {
            FetchResult r = f.fetch(watch(shop.uri("/r/2")));

            assertThat(r).isInstanceOfSatisfying(FetchResult.Fetched.class, ok -> {
                assertThat(ok.page().status()).isEqualTo(200);
                assertThat(ok.page().url()).isEqualTo(shop.uri("/r/0"));
                assertThat(ok.page().body()).isEqualTo("done via GET");
            });
        }
    }

    @Test
    void fiveRedirectsAreFollowedButSixFail() {
        redirectChain();
        try (SiteFetcher f = new SiteFetcher(site(), CLOCK)) {
            assertThat(f.fetch(watch(shop.uri("/r/5")))).isInstanceOf(FetchResult.Fetched.class);
            assertThat(f.fetch(watch(shop.uri("/r/6")))).isEqualTo(new FetchResult.Failed("more than 5 redirects", NOW));
        }
    }

    @Test
    void seeOtherTurnsPostIntoGet() {
        redirectChain();
        shop.on("/order", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.getResponseHeaders().set("Location", "/r/0");
            ex.sendResponseHeaders(303, -1);
        });
        RequestSpec post = new RequestSpec("POST", "x=1", "application/x-www-form-urlencoded", Map.of());
        try (SiteFetcher f = new SiteFetcher(site(), CLOCK)) {
            FetchResult r = f.fetch(watch(shop.uri("/order"), post));

            assertThat(r).isInstanceOfSatisfying(FetchResult.Fetched.class,
                    ok -> assertThat(ok.page().body()).isEqualTo("done via GET"));
        }
    }

    @Test
    void temporaryRedirectKeepsPostAndBody() {
        echo();
        shop.on("/moved", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.getResponseHeaders().set("Location", "/echo");
            ex.sendResponseHeaders(307, -1);
        });
        RequestSpec post = new RequestSpec("POST", "x=1", "application/x-www-form-urlencoded", Map.of());
        try (SiteFetcher f = new SiteFetcher(site(), CLOCK)) {
            f.fetch(watch(shop.uri("/moved"), post));

            assertThat(seenMethod.get()).isEqualTo("POST");
            assertThat(seenBody.get()).isEqualTo("x=1");
        }
    }

    @Test
    void redirectToAnotherHostDropsCookiesButKeepsOtherHeaders() {
        echo();
        shop.on("/elsewhere", ex -> {
            ex.getResponseHeaders().set("Location", "http://localhost:" + shop.port() + "/echo");
            ex.sendResponseHeaders(302, -1);
        });
        Site s = site(Duration.ofSeconds(5), Map.of("X-Shop-Key", "k"), Map.of("sid", "secret"), List.of(),
                1 << 20, 1 << 20);
        try (SiteFetcher f = new SiteFetcher(s, CLOCK)) {
            FetchResult r = f.fetch(watch(shop.uri("/elsewhere")));

            assertThat(r).isInstanceOfSatisfying(FetchResult.Fetched.class,
                    ok -> assertThat(ok.page().url().getHost()).isEqualTo("localhost"));
            assertThat(seenHeaders.get().getFirst("X-Shop-Key")).isEqualTo("k");
            assertThat(seenHeaders.get()).doesNotContainKey("Cookie");
        }
    }

    @Test
    void unsupportedSchemeFailsWithoutARequest() {
        try (SiteFetcher f = new SiteFetcher(site(), CLOCK)) {
            assertThat(f.fetch(watch(URI.create("ftp://shop.example/p"))))
                    .isEqualTo(new FetchResult.Failed("unsupported URL scheme 'ftp' (http or https only)", NOW));
        }
    }

    @Test
    void neverMoreRequestsInFlightThanTheSiteAllows() throws Exception {
        java.util.concurrent.atomic.AtomicInteger current = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
        shop.on("/busy", ex -> {
            most.accumulateAndGet(current.incrementAndGet(), Math::max);
            try {
                Thread.sleep(50); // a slow shop, so that requests would overlap without the limit
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            current.decrementAndGet();
            FakeShop.respond(ex, 200, "text/plain", "ok".getBytes(StandardCharsets.UTF_8));
        });
        Site base = site(Duration.ofSeconds(30), Map.of(), Map.of(), List.of(), 1 << 20, 1 << 20);
        Site two = new Site(base.name(), null, base.rate(), base.timeout(), Map.of(), Map.of(), Fixtures.UA, List.of(),
                List.of(), false, 2, base.maxBodyBytes(), base.maxDecodedBytes(), false);
        try (SiteFetcher f = new SiteFetcher(two, CLOCK);
             var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<FetchResult>> results = java.util.stream.IntStream.range(0, 8)
                    .mapToObj(i -> pool.submit(() -> f.fetch(watch(shop.uri("/busy")))))
                    .toList();
            for (var r : results) assertThat(r.get()).isInstanceOf(FetchResult.Fetched.class);
        }
        assertThat(most.get()).isBetween(1, 2);
    }

    @Test
    void badMethodFails() {
        try (SiteFetcher f = new SiteFetcher(site(), CLOCK)) {
            assertThat(f.fetch(watch(shop.uri("/x"), new RequestSpec("GE T", null, null, Map.of()))))
                    .isEqualTo(new FetchResult.Failed("bad HTTP method 'GE T'", NOW));
        }
    }

    @Test
    void closedFetcherFails() {
        echo();
        SiteFetcher f = new SiteFetcher(site(), CLOCK);
        f.close();
        assertThat(f.fetch(watch(shop.uri("/echo")))).isEqualTo(new FetchResult.Failed("fetcher closed", NOW));
    }

    @Test
    void fetchesWhileTheCommonPoolIsBusy() throws Exception {
        // On 2 cores the common ForkJoinPool has one thread; a fetch must not need it.
        echo();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        int parallelism = java.util.concurrent.ForkJoinPool.getCommonPoolParallelism();
        java.util.concurrent.CountDownLatch busy = new java.util.concurrent.CountDownLatch(parallelism);
        for (int i = 0; i < parallelism; i++) {
            java.util.concurrent.CompletableFuture.runAsync(() -> {
                busy.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        try (SiteFetcher f = new SiteFetcher(site(), CLOCK)) {
            busy.await();
            FetchResult r = f.fetch(watch(shop.uri("/echo")));
            assertThat(r).isInstanceOf(FetchResult.Fetched.class);
        } finally {
            release.countDown();
        }
    }
}
