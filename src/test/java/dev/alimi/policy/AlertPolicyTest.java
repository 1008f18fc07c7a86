package dev.alimi.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alimi.model.Availability;
import dev.alimi.model.Catalog;
import dev.alimi.model.ChannelSpec;
import dev.alimi.model.DetectSpec;
import dev.alimi.model.Observation;
import dev.alimi.model.Route;
import dev.alimi.model.Site;
import dev.alimi.model.StockEvent;
import dev.alimi.model.Watch;
import dev.alimi.model.WebSettings;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertPolicyTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private final AlertPolicy policy = new AlertPolicy();

    private static Site site(String name, boolean requiresSignup) {
        Site s = Site.implicitFor(name);
        return new Site(name, null, s.rate(), s.timeout(), Map.of(), Map.of(), s.userAgent(), List.of(), List.of(),
                requiresSignup, s.maxInFlight(), s.maxBodyBytes(), s.maxDecodedBytes(), false);
    }

    private static Watch watch(String name, String site, Integer minStock, String maxPrice, String maxUnitPrice,
            Integer units, List<String> tags) {
        return new Watch(name, site, URI.create("http://127.0.0.1/p/" + name.replace(' ', '-')), null, null,
                new DetectSpec.Recipe("auto"), Duration.ofSeconds(5), minStock,
                maxPrice == null ? null : new BigDecimal(maxPrice),
                maxUnitPrice == null ? null : new BigDecimal(maxUnitPrice), units, tags);
    }

    private static Watch plain(String name, String site, List<String> tags) {
        return watch(name, site, null, null, null, null, tags);
    }

    private static StockEvent restock(Watch w, Long quantity, String price) {
        return new StockEvent.Restocked(w, new Observation(w.name(), Availability.IN_STOCK, quantity,
                price == null ? null : new BigDecimal(price), "KRW", "button says buy", "css", T0));
    }

    private static Catalog catalog(List<Site> sites, List<Watch> watches, List<String> channels, List<Route> routes) {
        Map<String, Site> siteMap = new LinkedHashMap<>();
        sites.forEach(s -> siteMap.put(s.name(), s));
        Map<String, ChannelSpec> channelMap = new LinkedHashMap<>();
        channels.forEach(c -> channelMap.put(c, ChannelSpec.of(c, "ntfy://ntfy.sh/" + c)));
        return new Catalog(null, siteMap, watches, channelMap, routes, List.of(), Catalog.DEFAULT_ALERT_TTL,
                WebSettings.DEFAULT, "sqlite:alimi.db");
    }

    private static Catalog simple(Watch w, boolean requiresSignup) {
        return catalog(List.of(site(w.site(), requiresSignup)), List.of(w), List.of("slack", "phone"), List.of());
    }

    private static Route route(List<String> to, List<String> tags, List<String> sites, List<String> watches) {
        return new Route(to, tags, sites, watches);
    }

    @Test
    void restockWithNoFiltersGoesToEveryChannelWhenNoRoutesAreConfigured() {
        Watch w = plain("KF94", "coupang", List.of());
        assertThat(policy.decide(restock(w, null, null), simple(w, false)))
                .isEqualTo(new Decision.Send(List.of("slack", "phone")));
    }

    @Test
    void signupShopIsHeld() {
        Watch w = plain("KF94", "kakao", List.of());
        assertThat(policy.decide(restock(w, 100L, "100"), simple(w, true)))
                .isInstanceOfSatisfying(Decision.Hold.class, h -> assertThat(h.reason())
                        .isEqualTo("site kakao requires sign-up before buying"));
    }

    @Test
    void fewerUnitsThanMinStockAreHeld() {
        Watch w = watch("KF94", "coupang", 4, null, null, null, List.of());
        assertThat(policy.decide(restock(w, 3L, null), simple(w, false)))
                .isEqualTo(new Decision.Hold("min-stock", "3 in stock, below min-stock 4"));
    }

    @Test
    void exactlyMinStockOrUnknownQuantityIsSent() {
        Watch w = watch("KF94", "coupang", 4, null, null, null, List.of());
        assertThat(policy.decide(restock(w, 4L, null), simple(w, false))).isInstanceOf(Decision.Send.class);
        assertThat(policy.decide(restock(w, null, null), simple(w, false))).isInstanceOf(Decision.Send.class);
    }

    @Test
    void priceAboveMaxPriceIsHeld() {
        Watch w = watch("KF94", "coupang", null, "15000", null, null, List.of());
        assertThat(policy.decide(restock(w, null, "15900"), simple(w, false)))
                .isEqualTo(new Decision.Hold("max-price", "price 15900 above max-price 15000"));
        assertThat(policy.decide(restock(w, null, "15000"), simple(w, false))).isInstanceOf(Decision.Send.class);
        assertThat(policy.decide(restock(w, null, null), simple(w, false))).isInstanceOf(Decision.Send.class);
    }

    @Test
    void unitPriceAboveMaxUnitPriceIsHeld() {
        Watch w = watch("KF94 50-pack", "coupang", null, null, "300", 50, List.of());
        assertThat(policy.decide(restock(w, null, "16000"), simple(w, false)))
                .isEqualTo(new Decision.Hold("max-unit-price",
                        "unit price 320 (price 16000 / 50 units) above max-unit-price 300"));
        assertThat(policy.decide(restock(w, null, "15000"), simple(w, false))).isInstanceOf(Decision.Send.class);
    }

    @Test
    void unitPriceWithoutUnitsIsThePriceAndNonTerminatingDivisionWorks() {
        Watch single = watch("single", "coupang", null, null, "300", null, List.of());
        assertThat(policy.decide(restock(single, null, "301"), simple(single, false)))
                .isInstanceOf(Decision.Hold.class);

        Watch three = watch("three", "coupang", null, null, "333.34", 3, List.of());
        assertThat(policy.decide(restock(three, null, "1000"), simple(three, false)))
                .isInstanceOf(Decision.Send.class);
        assertThat(AlertPolicy.unitPrice(new BigDecimal("1000"), 3)).isLessThan(new BigDecimal("333.34"));
    }

    @Test
    void signupIsReportedBeforeThresholds() {
        Watch w = watch("KF94", "kakao", 4, "10", null, null, List.of());
        assertThat(policy.decide(restock(w, 1L, "99"), simple(w, true)))
                .isInstanceOfSatisfying(Decision.Hold.class,
                        h -> assertThat(h.reason()).contains("sign-up"));
    }

    @Test
    void routesSelectByTagSiteAndWatchDeduplicatedInConfigOrder() {
        Watch mask = plain("KF94", "coupang", List.of("mask", "kf94"));
        Watch gpu = plain("RTX", "naver", List.of("gpu"));
        Watch other = plain("Other", "naver", List.of());
        List<Route> routes = List.of(
                route(List.of("friends", "slack"), List.of("mask"), null, null),
                route(List.of("phone", "slack"), null, List.of("coupang"), null),
                route(List.of("gpu-ch"), null, null, List.of("RTX")),
                route(List.of("naver-mask"), List.of("mask"), List.of("naver"), null));
        Catalog c = catalog(List.of(site("coupang", false), site("naver", false)), List.of(mask, gpu, other),
                List.of("slack", "friends", "phone", "gpu-ch", "naver-mask"), routes);

        assertThat(policy.decide(restock(mask, null, null), c))
                .isEqualTo(new Decision.Send(List.of("friends", "slack", "phone")));
        assertThat(policy.decide(restock(gpu, null, null), c)).isEqualTo(new Decision.Send(List.of("gpu-ch")));
        assertThat(policy.decide(restock(other, null, null), c))
                .isEqualTo(new Decision.Hold("no-route", "no route sends watch Other to a channel"));
    }

    @Test
    void noChannelsAtAllIsHeld() {
        Watch w = plain("KF94", "coupang", List.of());
        Catalog c = catalog(List.of(site("coupang", false)), List.of(w), List.of(), List.of());
        assertThat(policy.decide(restock(w, null, null), c)).isInstanceOf(Decision.Hold.class);
    }

    @Test
    void aRestockedEventCarryingDoubtIsHeld() {
        Watch w = plain("KF94", "coupang", List.of());
        StockEvent odd = new StockEvent.Restocked(w,
                Observation.of("KF94", Availability.UNKNOWN, "no signal", "auto", T0));
        assertThat(policy.decide(odd, simple(w, false)))
                .isEqualTo(new Decision.Hold("doubt", "observation is UNKNOWN, not IN_STOCK"));
    }

    @Test
    void soldOutIsHeldForNow() {
        Watch w = plain("KF94", "coupang", List.of());
        StockEvent soldOut = new StockEvent.SoldOut(w,
                Observation.of("KF94", Availability.OUT_OF_STOCK, "sold out", "css", T0), Duration.ofSeconds(42));
        assertThat(policy.decide(soldOut, simple(w, false)))
                .isEqualTo(new Decision.Hold("sold-out", "sold-out events are not alerted"));
    }
}
