package dev.alimi.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alimi.model.Catalog;
import dev.alimi.model.Route;
import dev.alimi.model.Rules;
import dev.alimi.model.Watch;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alert-rule and confirmation keys on watches, sites, routes and defaults. */
class RulesConfigTest {

    @TempDir
    Path dir;

    ConfigFiles files;

    @BeforeEach
    void setUp() {
        files = new ConfigFiles(dir);
    }

    @Test
    void rulesAreReadOnWatchesSitesAndRoutes() {
        Catalog c = files.load("""
                defaults:
                  confirm-out: 2
                sites:
                  shop:
                    base-url: https://shop.example
                    blackout: ["Mon-Fri 10:00-11:00 Asia/Seoul", "Sat 22:00-02:00"]
                    requires-signup: true
                    min-stock: 2
                watches:
                  - name: A
                    site: shop
                    url: https://shop.example/p/1
                    detect: { css: button, in-stock-text: [Buy] }
                    min-stock: 4
                    require-quantity: true
                    cooldown: 10m
                    confirm-in: 2
                    tags: [mask]
                channels:
                  s: console://
                routes:
                  - name: masks
                    to: [s]
                    tags: [mask]
                    max-price: 30000
                    follow-up: reply
                  - to: [s]
                """);
        Watch a = c.watches().getFirst();
        assertThat(a.rules()).isEqualTo(new Rules(4, true, null, null, null, null, null, Duration.ofMinutes(10)));
        assertThat(a.confirmIn()).isEqualTo(2);
        assertThat(a.confirmOut()).as("from defaults").isEqualTo(2);
        assertThat(c.sites().get("shop").rules()).isEqualTo(new Rules(2, null, null, null, null,
                List.of("Mon-Fri 10:00-11:00 Asia/Seoul", "Sat 22:00-02:00"), true, null));
        assertThat(c.sites().get("shop").requiresSignup()).isTrue();
        Route masks = c.routes().getFirst();
        assertThat(masks.key()).isEqualTo("masks");
        assertThat(masks.rules().maxPrice()).isEqualTo(new BigDecimal("30000"));
        assertThat(masks.followUp()).isEqualTo("reply");
        assertThat(c.routes().get(1).key()).as("an unnamed route's key is its filters").isEqualTo("to=s");
    }

    @Test
    void aBadBlackoutWindowIsAnErrorAtItsLine() {
        ConfigError e = files.error("""
                sites:
                  shop:
                    base-url: https://shop.example
                    blackout: ["Mon-Fri 10:00-11:00 Asia/Seol"]
                """ + ConfigFiles.WATCH);
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.key()).isEqualTo("sites.shop.blackout[0]");
        assertThat(e.message()).contains("unknown time zone 'Asia/Seol'");
    }

    @Test
    void confirmCountsAreBounded() {
        ConfigError e = files.error("""
                defaults:
                  confirm-in: 0
                """ + ConfigFiles.WATCH);
        assertThat(e.key()).isEqualTo("defaults.confirm-in");
    }

    @Test
    void duplicateRouteNamesAndUnknownFollowUpAreErrors() {
        List<ConfigError> errors = files.errors(ConfigFiles.WATCH + """
                channels:
                  s: console://
                routes:
                  - { name: r, to: [s] }
                  - { name: r, to: [s], follow-up: shout }
                """);
        assertThat(errors).extracting(ConfigError::message)
                .contains("duplicate route name `r`", "expected one of edit, reply, none");
    }

    @Test
    void priceChangeIsReadOnWatchesSitesAndRoutesAsAPercent() {
        Catalog c = files.load("""
                sites:
                  shop:
                    base-url: https://shop.example
                    price-change: 25%
                watches:
                  - name: A
                    site: shop
                    url: https://shop.example/p/1
                    detect: { css: button, in-stock-text: [Buy] }
                  - name: B
                    site: shop
                    url: https://shop.example/p/2
                    detect: { css: button, in-stock-text: [Buy] }
                    price-change: 5%
                channels:
                  s: console://
                routes:
                  - { name: quiet, to: [s], price-change: off }
                  - { name: zero, to: [s], price-change: 0 }
                  - { name: bare, to: [s], price-change: 7.5 }
                  - { name: unset, to: [s] }
                """);
        assertThat(c.sites().get("shop").rules().priceChange()).isEqualByComparingTo("25");
        assertThat(c.watches().get(1).rules().over(c.sites().get("shop").rules()).priceChangePercent())
                .as("a watch's own beats its site's").isEqualByComparingTo("5");
        assertThat(c.routes()).extracting(r -> r.rules().priceChange())
                .usingElementComparator(java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
                .containsExactly(BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("7.5"), null);
        Route unset = c.routes().get(3);
        assertThat(unset.rules().over(c.sites().get("shop").rules()).priceChangePercent()).as("the site's")
                .isEqualByComparingTo("25");
        assertThat(c.routes().get(0).rules().over(c.sites().get("shop").rules()).priceChangePercent()).as("route wins")
                .isZero();
    }

    @Test
    void aBadPriceChangeIsAnErrorAtItsLine() {
        List<ConfigError> errors = files.errors(ConfigFiles.WATCH + """
                channels:
                  s: console://
                routes:
                  - to: [s]
                    price-change: ten percent
                  - to: [s]
                    price-change: -5%
                  - to: [s]
                    price-change: 2000%
                """);
        assertThat(errors).hasSize(3);
        assertThat(errors).extracting(ConfigError::key)
                .containsExactly("routes[0].price-change", "routes[1].price-change", "routes[2].price-change");
        assertThat(errors).extracting(ConfigError::message).containsOnly(
                "expected a percentage like 10% (0 to 1000%; 0 or off: no price updates)");
        assertThat(errors.get(0).line()).isEqualTo(errors.get(1).line() - 2);
        assertThat(errors.get(0).toString()).matches(".*alimi\\.yaml:\\d+: routes\\[0]\\.price-change: expected a percentage.*");
    }
}
