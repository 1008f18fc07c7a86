package dev.alimi.fetch;

import dev.alimi.model.RequestSpec;
import dev.alimi.model.Site;
import dev.alimi.model.Watch;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Sites, watches and a clock for fetcher tests. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String UA = "AlimiTest/1.0";

    private Fixtures() {}

    static Site site() {
        return site(Duration.ofSeconds(5), Map.of(), Map.of(), List.of(), Site.DEFAULT_MAX_BODY_BYTES,
                Site.DEFAULT_MAX_DECODED_BYTES);
    }

    static Site site(Duration timeout, Map<String, String> headers, Map<String, String> cookies, List<URI> proxies,
                     long maxBody, long maxDecoded) {
        return new Site("shop", null, Site.DEFAULT_RATE, timeout, headers, cookies, UA, proxies, List.of(), false,
                Site.DEFAULT_MAX_IN_FLIGHT, maxBody, maxDecoded, false);
    }

    static Watch watch(URI url) {
        return watch(url, RequestSpec.GET);
    }

    static Watch watch(URI url, RequestSpec request) {
        return new Watch("item", "shop", url, null, request, null, null, null, null, null, null, List.of());
    }
}
