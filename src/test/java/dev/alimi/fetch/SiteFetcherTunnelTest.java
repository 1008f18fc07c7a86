package dev.alimi.fetch;

import static dev.alimi.fetch.Fixtures.CLOCK;
import static dev.alimi.fetch.Fixtures.site;
import static dev.alimi.fetch.Fixtures.watch;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alimi.model.Site;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** https shops behind a proxy with a password: the credentials go on the CONNECT, to the proxy only. */
class SiteFetcherTunnelTest {

    private static final URI SHOP = URI.create("https://shop.invalid/products/1");

    private static String basic(String userPass) {
        return "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
    }

    private static FetchResult fetchVia(URI proxy) {
        Site s = site(Duration.ofSeconds(5), Map.of(), Map.of(), List.of(proxy), 1 << 20, 1 << 20);
        try (SiteFetcher f = new SiteFetcher(s, CLOCK)) {
            return f.fetch(watch(SHOP));
        }
    }

    @Test
    void theConnectCarriesTheProxyCredentials() {
        try (ConnectProxy proxy = new ConnectProxy(basic("alice:s3cret"))) {
            FetchResult r = fetchVia(proxy.uri("alice:s3cret"));

            assertThat(proxy.heads()).anySatisfy(head -> assertThat(head)
                    .startsWith("CONNECT shop.invalid:443 HTTP/1.1")
                    .contains("Proxy-Authorization: " + basic("alice:s3cret")));
            // The fake closes the tunnel instead of reaching a shop: the failure is past the proxy, not a 407.
            assertThat(r).isInstanceOfSatisfying(FetchResult.Failed.class, fail -> assertThat(fail.reason())
                    .doesNotContain("s3cret")
                    .doesNotContain("proxy authentication required"));
        }
    }

    @Test
    void aWrongPasswordFailsClearlyWithoutShowingIt() {
        try (ConnectProxy proxy = new ConnectProxy(basic("alice:s3cret"))) {
            FetchResult r = fetchVia(proxy.uri("dave:wrong-pass"));

            assertThat(proxy.heads()).allSatisfy(head -> assertThat(head).doesNotContain(basic("alice:s3cret")));
            assertThat(r).isInstanceOfSatisfying(FetchResult.Failed.class, fail -> assertThat(fail.reason())
                    .isEqualTo("proxy authentication failed at http://dave:***@127.0.0.1:" + proxy.uri("x:y").getPort()
                            + " (wrong user or password?)"));
        }
    }

    @Test
    void basicIsAllowedOnTunnelsInThisJvm() {
        // Set by Main before any client exists, and by the build for tests; without it the first test could not pass.
        assertThat(ProxyTunnelling.basicAllowed()).isTrue();
    }
}
