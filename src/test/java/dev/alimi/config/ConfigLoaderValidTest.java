package dev.alimi.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alimi.model.Catalog;
import dev.alimi.model.ChannelSpec;
import dev.alimi.model.DetectSpec;
import dev.alimi.model.InStockCondition;
import dev.alimi.model.Rate;
import dev.alimi.model.RequestSpec;
import dev.alimi.model.Route;
import dev.alimi.model.Site;
import dev.alimi.model.ValueSelector;
import dev.alimi.model.Watch;
import dev.alimi.model.WebSettings;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderValidTest {

    /** The example of DESIGN.md, as written there. */
    static final String DESIGN_EXAMPLE = """
            defaults:
              timeout: 2s
              interval: 5s             # the shortest gap between two checks of one watch
              user-agent: "Mozilla/5.0 (X11; Linux x86_64) …"

            sites:
              coupang:
                base-url: https://www.coupang.com
                rate: 1/s              # the site's whole budget, all its watches together
                timeout: 2s
                headers: { Cookie: "${COUPANG_COOKIE:-}" }
                proxy: ${COUPANG_PROXY:-}
                blackout: ["Mon-Fri 10:00-11:00 Asia/Seoul"]   # scheduled drops: watch, but do not alert
                requires-signup: false  # true: checked and shown, never alerted

            watches:
              - name: KF94 50-pack
                site: coupang
                url: https://www.coupang.com/vp/products/123?itemId=456
                detect: auto            # or a recipe name, or a rule (below)
                min-stock: 4            # 1-3 left is not worth an alert
                max-unit-price: 500     # price / units, in the site's currency
                units: 50
                tags: [mask, kf94]

              - name: Store API product
                url: https://shop.example/api/products/77
                detect:
                  json-path: $.data.stockQuantity      # a number: >0 in stock; or a boolean/string rule:
                  in-stock: { json-path: $.data.status, equals: SALE }
                  price: { json-path: $.data.price }

              - name: Plain HTML page
                url: https://shop.example/p/9
                detect:
                  css: "button.buy"
                  in-stock-text: ["구매하기", "Add to cart"]
                  out-of-stock-text: ["품절", "Sold out"]

            channels:
              team-slack: slack://T000/B000/XXXX         # Apprise or Shoutrrr URL ...
              friends: https://discord.com/api/webhooks/1234/abcd   # ... or the service's own webhook URL
              phone: ntfys://ntfy.sh/alimi-masks          # tap opens the product page directly
              local-discord:                              # long form: the service's raw URL on another host
                type: discord
                url: http://127.0.0.1:9000/api/webhooks/1/abc
              local-telegram:                             # long form: any accepted URL + the host to use instead
                url: tgram://123456:ABCDEF/987654
                base-url: http://127.0.0.1:9000           # self-hosted servers, proxies, tests

            routes:
              - to: [team-slack, friends, phone]
                tags: [mask]
            admin: [team-slack]        # worker died, site blocked, checks failing, config reload failed

            web:
              bind: 127.0.0.1          # anything wider requires web.token (or ALIMI_TOKEN)
              port: 8080
            store: sqlite:alimi.db     # beside the config; or postgresql://host/db for a cluster
            """;

    @TempDir
    Path dir;

    @Test
    void theDesignExampleBecomesTheExpectedCatalog() {
        ConfigFiles files = new ConfigFiles(dir, new ConfigChecks(Set.of("auto"), spec -> Optional.empty()), Map.of());
        Catalog c = files.load(DESIGN_EXAMPLE);

        assertThat(c.source()).isEqualTo(files.config());
        String ua = "Mozilla/5.0 (X11; Linux x86_64) …";
        // `requires-signup: false` is written in the example, so the rule is set (false), not left to the defaults.
        Site coupang = new Site("coupang", URI.create("https://www.coupang.com"), Rate.perSecond(1), Duration.ofSeconds(2),
                Map.of("Cookie", ""), Map.of(), ua, List.of(), 4, 5L * 1024 * 1024, 5L * 1024 * 1024, false,
                new dev.alimi.model.Rules(null, null, null, null, null, List.of("Mon-Fri 10:00-11:00 Asia/Seoul"), false, null));
        Site shop = new Site("shop.example", null, Rate.perSecond(1), Duration.ofSeconds(2), Map.of(), Map.of(), ua,
                List.of(), List.of(), false, 4, 5L * 1024 * 1024, 5L * 1024 * 1024, true);
        assertThat(c.sites()).containsExactly(Map.entry("coupang", coupang), Map.entry("shop.example", shop));

        assertThat(c.watches()).containsExactly(
                new Watch("KF94 50-pack", "coupang", URI.create("https://www.coupang.com/vp/products/123?itemId=456"), null,
                        RequestSpec.GET, new DetectSpec.Recipe("auto"), Duration.ofSeconds(5), 4, null,
                        new BigDecimal("500"), 50, List.of("mask", "kf94")),
                new Watch("Store API product", "shop.example", URI.create("https://shop.example/api/products/77"), null,
                        RequestSpec.GET,
                        new DetectSpec.Rule(null, List.of(), List.of(), "$.data.stockQuantity",
                                new InStockCondition(ValueSelector.jsonPath("$.data.status"), "SALE", List.of(), null),
                                null, null, ValueSelector.jsonPath("$.data.price")),
                        Duration.ofSeconds(5), null, null, null, null, List.of()),
                new Watch("Plain HTML page", "shop.example", URI.create("https://shop.example/p/9"), null, RequestSpec.GET,
                        new DetectSpec.Rule("button.buy", List.of("구매하기", "Add to cart"), List.of("품절", "Sold out"),
                                null, null, null, null, null),
                        Duration.ofSeconds(5), null, null, null, null, List.of()));

        assertThat(c.channels()).containsExactly(
                Map.entry("team-slack", ChannelSpec.of("team-slack", "slack://T000/B000/XXXX")),
                Map.entry("friends", ChannelSpec.of("friends", "https://discord.com/api/webhooks/1234/abcd")),
                Map.entry("phone", ChannelSpec.of("phone", "ntfys://ntfy.sh/alimi-masks")),
                Map.entry("local-discord", new ChannelSpec("local-discord", "http://127.0.0.1:9000/api/webhooks/1/abc",
                        "discord", null, Map.of())),
                Map.entry("local-telegram", new ChannelSpec("local-telegram", "tgram://123456:ABCDEF/987654", null,
                        URI.create("http://127.0.0.1:9000"), Map.of())));
        assertThat(c.routes()).containsExactly(new Route(List.of("team-slack", "friends", "phone"), List.of("mask"), null, null));
        assertThat(c.admin()).containsExactly("team-slack");
        assertThat(c.alertTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.web()).isEqualTo(new WebSettings("127.0.0.1", 8080, null));
        assertThat(c.store()).isEqualTo("sqlite:alimi.db");
        assertThat(c.watchesOf("shop.example")).hasSize(2);
    }

    @Test
    void minimalConfigGetsEveryDefault() {
        Catalog c = new ConfigFiles(dir).load(ConfigFiles.WATCH);
        Watch w = c.watches().getFirst();
        assertThat(w.site()).isEqualTo("shop.example");
        assertThat(w.interval()).isEqualTo(Watch.DEFAULT_INTERVAL);
        assertThat(c.sites().get("shop.example")).isEqualTo(Site.implicitFor("shop.example"));
        assertThat(c.web()).isEqualTo(WebSettings.DEFAULT);
        assertThat(c.store()).isEqualTo("sqlite:alimi.db");
        assertThat(c.routes()).isEmpty();
    }

    @Test
    void implicitSitesArePerHostAndFollowDefaults() {
        Catalog c = new ConfigFiles(dir).load("""
                defaults:
                  rate: 30/min
                  timeout: 3s
                  max-in-flight: 2
                  interval: 1m30s
                  alert-ttl: 90s
                sites:
                  store:
                    base-url: https://store.example
                watches:
                  - name: A
                    url: https://store.example/p/1
                    detect: { json-path: $.stock }
                  - name: B
                    url: https://Other.example/p/1
                    detect: { regex: "in stock" }
                  - name: C
                    url: https://other.example/p/2
                    detect: { out-of-stock-regex: "sold out" }
                """);
        assertThat(c.sites().keySet()).containsExactly("store", "other.example");
        assertThat(c.watches()).extracting(Watch::site).containsExactly("store", "other.example", "other.example");
        Site other = c.sites().get("other.example");
        assertThat(other.implicit()).isTrue();
        assertThat(other.rate()).isEqualTo(new Rate(30, Duration.ofMinutes(1)));
        assertThat(other.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(other.maxInFlight()).isEqualTo(2);
        assertThat(c.sites().get("store").rate()).isEqualTo(new Rate(30, Duration.ofMinutes(1)));
        assertThat(c.watches().getFirst().interval()).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.alertTtl()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void requestBodiesAndSiteSettings() {
        Catalog c = new ConfigFiles(dir).load("""
                sites:
                  api:
                    base-url: https://api.example
                    cookies: { session: abc }
                    proxy: [http://p1.example:3128, "http://p2.example:3128"]
                    max-body: 512KB
                    max-decoded: 2MB
                    max-in-flight: 1
                    requires-signup: true
                watches:
                  - name: json
                    url: https://api.example/q
                    json: { id: 7, name: "7", ok: true, list: [1.5, x, null] }
                    detect: { json-path: $.stock }
                  - name: form
                    url: https://api.example/f
                    method: put
                    form: { q: "a b", n: "&" }
                    headers: { X-Key: k }
                    detect: { json-path: $.stock }
                  - name: gql
                    url: https://api.example/graphql
                    graphql:
                      query: "query($id: ID!) { product(id: $id) { stock } }"
                      variables: { id: 77 }
                    detect: { json-path: $.data.product.stock }
                    link: https://shop.example/p/77
                """);
        Site api = c.sites().get("api");
        assertThat(api.cookies()).isEqualTo(Map.of("session", "abc"));
        assertThat(api.proxies()).containsExactly(URI.create("http://p1.example:3128"), URI.create("http://p2.example:3128"));
        assertThat(api.maxBodyBytes()).isEqualTo(512 * 1024);
        assertThat(api.maxDecodedBytes()).isEqualTo(2 * 1024 * 1024);
        assertThat(api.maxInFlight()).isEqualTo(1);
        assertThat(api.requiresSignup()).isTrue();
        assertThat(c.watches().get(0).request()).isEqualTo(new RequestSpec("POST",
                "{\"id\":7,\"name\":\"7\",\"ok\":true,\"list\":[1.5,\"x\",null]}", "application/json", Map.of()));
        assertThat(c.watches().get(1).request()).isEqualTo(new RequestSpec("PUT", "q=a+b&n=%26",
                "application/x-www-form-urlencoded", Map.of("X-Key", "k")));
        assertThat(c.watches().get(2).request()).isEqualTo(new RequestSpec("POST",
                "{\"query\":\"query($id: ID!) { product(id: $id) { stock } }\",\"variables\":{\"id\":77}}",
                "application/json", Map.of()));
        assertThat(c.watches().get(2).buyUrl()).isEqualTo(URI.create("https://shop.example/p/77"));
    }

    @Test
    void yamlMergeKeysAreFollowed() {
        Catalog c = new ConfigFiles(dir).load("""
                sites:
                  a: &common
                    rate: 2/s
                    timeout: 4s
                  b:
                    <<: *common
                    timeout: 1s
                """ + ConfigFiles.WATCH);
        assertThat(c.sites().get("b").rate()).isEqualTo(Rate.perSecond(2));
        assertThat(c.sites().get("b").timeout()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aTokenFromTheEnvironmentAllowsAWideBind() {
        Catalog c = new ConfigFiles(dir).env(Map.of("ALIMI_TOKEN", "s3cret")).load(ConfigFiles.WATCH + "web: { bind: 0.0.0.0 }\n");
        assertThat(c.web()).isEqualTo(new WebSettings("0.0.0.0", 8080, "s3cret"));
    }
}
