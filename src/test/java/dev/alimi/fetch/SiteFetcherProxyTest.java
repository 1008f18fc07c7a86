package dev.alimi.fetch;

import static dev.alimi.fetch.Fixtures.CLOCK;
import static dev.alimi.fetch.Fixtures.site;
import static dev.alimi.fetch.Fixtures.watch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alimi.model.Site;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Plain-HTTP proxies: used in turn, credentials sent to them, passwords never shown. */
class SiteFetcherProxyTest {

    /** A fake proxy: records what reached it and answers itself instead of forwarding. */
    private record FakeProxy(FakeShop server, ConcurrentLinkedQueue<String> requestLines,
                             ConcurrentLinkedQueue<String> authorizations) implements AutoCloseable {
        static FakeProxy start(String name) {
            ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String> auths = new ConcurrentLinkedQueue<>();
            FakeShop server = new FakeShop().on("/", ex -> {
                lines.add(ex.getRequestMethod() + " " + ex.getRequestURI());
                String auth = ex.getRequestHeaders().getFirst("Proxy-Authorization");
                auths.add(auth == null ? "none" : auth);
                FakeShop.respond(ex, 200, "text/plain", ("via " + name).getBytes(StandardCharsets.UTF_8));
            });
            return new FakeProxy(server, lines, auths);
        }

        URI uri(String userInfo) {
            return URI.create("http://" + userInfo + "@127.0.0.1:" + server.port());
        }

        @Override
        public void close() {
            server.close();
        }
    }

    private final FakeProxy first = FakeProxy.start("first");
    private final FakeProxy second = FakeProxy.start("second");

    @AfterEach
    void stop() {
        first.close();
        second.close();
    }

    private static Site siteWith(List<URI> proxies) {
        return site(Duration.ofSeconds(5), Map.of(), Map.of(), proxies, 1 << 20, 1 << 20);
    }

    private static String basic(String userPass) {
        return "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void proxiesAreUsedInTurnWithTheirCredentials() {
        Site s = siteWith(List.of(first.uri("alice:s3cret"), second.uri("bob:p%40ss")));
        URI target = URI.create("http://shop.invalid/products/1?itemId=2");
        List<String> bodies;
        try (SiteFetcher f = new SiteFetcher(s, CLOCK)) {
            bodies = java.util.stream.IntStream.range(0, 4)
                    .mapToObj(i -> f.fetch(watch(target)))
                    .map(r -> ((FetchResult.Fetched) r).page().body())
                    .toList();
        }

        assertThat(bodies).containsExactly("via first", "via second", "via first", "via second");
        assertThat(first.requestLines()).containsExactly(
                "GET http://shop.invalid/products/1?itemId=2", "GET http://shop.invalid/products/1?itemId=2");
        assertThat(second.requestLines()).hasSize(2);
        assertThat(first.authorizations()).containsOnly(basic("alice:s3cret"));
        assertThat(second.authorizations()).containsOnly(basic("bob:p@ss"));
    }

    @Test
    void proxyWithoutCredentialsSendsNoProxyAuthorization() {
        Site s = siteWith(List.of(URI.create("http://127.0.0.1:" + first.server().port())));
        try (SiteFetcher f = new SiteFetcher(s, CLOCK)) {
            assertThat(f.fetch(watch(URI.create("http://shop.invalid/p")))).isInstanceOf(FetchResult.Fetched.class);
        }
        assertThat(first.authorizations()).containsExactly("none");
    }

    @Test
    void deadProxyFailsWithoutShowingThePassword() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI dead = URI.create("http://carol:topsecret@127.0.0.1:" + closedPort);
        try (SiteFetcher f = new SiteFetcher(siteWith(List.of(dead)), CLOCK)) {
            FetchResult r = f.fetch(watch(URI.create("http://shop.invalid/p")));

            assertThat(r).isInstanceOfSatisfying(FetchResult.Failed.class, fail -> {
                assertThat(fail.reason()).doesNotContain("topsecret");
                assertThat(fail.reason()).isEqualTo(
                        "connection refused by proxy http://carol:***@127.0.0.1:" + closedPort);
            });
        }
    }

    @Test
    void proxyDemandingAuthenticationFails() {
        try (FakeShop strict = new FakeShop().on("/", ex -> {
            ex.getResponseHeaders().set("Proxy-Authenticate", "Basic realm=\"proxy\"");
            FakeShop.respond(ex, 407, "text/plain", "who are you".getBytes(StandardCharsets.UTF_8));
        })) {
            URI proxy = URI.create("http://dave:wrong-pass@127.0.0.1:" + strict.port());
            try (SiteFetcher f = new SiteFetcher(siteWith(List.of(proxy)), CLOCK)) {
                FetchResult r = f.fetch(watch(URI.create("http://shop.invalid/p")));

                assertThat(r).isInstanceOfSatisfying(FetchResult.Failed.class, fail -> assertThat(fail.reason())
                        .isEqualTo("proxy authentication required by http://dave:***@127.0.0.1:" + strict.port()));
            }
        }
    }

    @Test
    void aShopAskingForALoginThroughAProxyWithAPasswordIsStillAPlain401() {
        try (FakeShop loginWall = new FakeShop().on("/", ex -> {
            ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"members\"");
            FakeShop.respond(ex, 401, "text/html", "<h1>Members only</h1>".getBytes(StandardCharsets.UTF_8));
        })) {
            URI proxy = URI.create("http://alice:s3cret@127.0.0.1:" + loginWall.port());
            try (SiteFetcher f = new SiteFetcher(siteWith(List.of(proxy)), CLOCK)) {
                FetchResult r = f.fetch(watch(URI.create("http://shop.invalid/members/p")));

                assertThat(r).as("triage makes a 401 BLOCKED; the proxy password is never offered to the shop")
                        .isInstanceOfSatisfying(FetchResult.Fetched.class, ok -> assertThat(ok.page().status()).isEqualTo(401));
            }
        }
    }

    @Test
    void nonHttpProxyIsRejectedWithoutThePassword() {
        Site s = siteWith(List.of(URI.create("socks5://erin:hidden@127.0.0.1:1080")));
        assertThatThrownBy(() -> new SiteFetcher(s, CLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("socks5")
                .hasMessageContaining("erin:***@")
                .hasMessageNotContaining("hidden");
    }
}
