package dev.alimi.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alimi.model.Rules;
import dev.alimi.store.Alert;
import dev.alimi.store.AlertStatus;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each alert rule as a scenario: real checks of the demo shop, a fake Slack, the store's recorded reasons. */
class AlertRulesTest {

    /** Sunday 2026-03-01 12:00 UTC (21:00 in Seoul). */
    private static final Instant SUNDAY_NOON_UTC = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path dir;

    private RuleBench bench;

    private RuleBench bench(Instant start) throws Exception {
        bench = new RuleBench(dir, start);
        return bench;
    }

    @AfterEach
    void close() {
        if (bench != null) bench.close();
    }

    private static Rules minStock(int n, Boolean requireQuantity) {
        return new Rules(n, requireQuantity, null, null, null, null, null, null);
    }

    private static Alert only(List<Alert> alerts) {
        assertThat(alerts).hasSize(1);
        return alerts.getFirst();
    }

    @Test
    void episodeStartingBelowMinStockAlertsOnceWhenItFirstReachesIt() throws Exception {
        RuleBench b = bench(SUNDAY_NOON_UTC).watch(minStock(4, null));
        b.check(2);
        assertThat(b.alertsSent()).isZero();
        Alert held = only(b.alerts());
        assertThat(held.status()).isEqualTo(AlertStatus.HELD);
        assertThat(held.reason()).isEqualTo("min-stock: 2 in stock, below min-stock 4");
        b.check(3);
        assertThat(b.alertsSent()).isZero();
        assertThat(only(b.alerts()).reason()).isEqualTo("min-stock: 3 in stock, below min-stock 4");
        b.check(5);
        assertThat(b.alertsSent()).isEqualTo(1);
        assertThat(only(b.alerts()).status()).isEqualTo(AlertStatus.SENT);
        b.check(9);
        b.check(2);
        assertThat(b.alertsSent()).as("one alert per episode").isEqualTo(1);
        b.clock.advance(Duration.ofSeconds(1));
        b.check(0);
        b.clock.advance(Duration.ofSeconds(1));
        b.check(7);
        assertThat(b.alertsSent()).as("a new episode alerts again").isEqualTo(2);
    }

    @Test
    void unknownQuantityAlertsUnlessRequireQuantity() throws Exception {
        RuleBench b = bench(SUNDAY_NOON_UTC).html().watch(minStock(4, null));
        b.check(2);
        assertThat(b.alertsSent()).as("quantity unknown to the rule: min-stock cannot hold").isEqualTo(1);
        b.close();

        bench = new RuleBench(dir.resolve("strict"), SUNDAY_NOON_UTC).html().watch(minStock(4, true));
        bench.check(9);
        assertThat(bench.alertsSent()).isZero();
        assertThat(only(bench.alerts()).reason())
                .isEqualTo("min-stock: quantity unknown and require-quantity is set (min-stock 4)");
    }

    @Test
    void maxPriceHoldsAndARouteValueOverridesTheWatch() throws Exception {
        Rules watchRules = new Rules(null, null, new BigDecimal("20000"), null, null, null, null, null);
        RuleBench b = bench(SUNDAY_NOON_UTC).watch(watchRules);
        b.check(5);
        assertThat(b.alertsSent()).isZero();
        assertThat(only(b.alerts()).reason()).isEqualTo("max-price: price 29900 above max-price 20000");
        b.close();

        bench = new RuleBench(dir.resolve("route"), SUNDAY_NOON_UTC).watch(watchRules, Rules.NONE,
                new Rules(null, null, new BigDecimal("30000"), null, null, null, null, null), 1, 1);
        bench.check(5);
        assertThat(bench.alertsSent()).isEqualTo(1);
        assertThat(only(bench.alerts()).route()).isEqualTo("masks");
    }

    @Test
    void maxUnitPriceDividesByUnits() throws Exception {
        RuleBench b = bench(SUNDAY_NOON_UTC).watch(new Rules(null, null, null, new BigDecimal("250"), 100, null, null, null));
        b.check(5);
        assertThat(b.alertsSent()).isZero();
        assertThat(only(b.alerts()).reason())
                .isEqualTo("max-unit-price: unit price 299 (price 29900 / 100 units) above max-unit-price 250");
    }

    @Test
    void signUpSiteIsCheckedAndRecordedButNeverAlerted() throws Exception {
        RuleBench b = bench(SUNDAY_NOON_UTC).watch(Rules.NONE,
                new Rules(null, null, null, null, null, null, true, null), null, 1, 1);
        b.check(5);
        b.check(6);
        assertThat(b.alertsSent()).isZero();
        assertThat(only(b.alerts()).reason()).isEqualTo("requires-signup: site shop requires sign-up before buying");
        assertThat(b.store.episodes().open(b.watchName())).isPresent();
    }

    @Test
    void blackoutInSeoulHoldsAcrossTheUtcDateLineThenAlertsWhenItEnds() throws Exception {
        // Monday 00:00-06:00 in Seoul is Sunday 15:00-21:00 UTC: the UTC day is still Sunday.
        Rules site = new Rules(null, null, null, null, null, List.of("Mon 00:00-06:00 Asia/Seoul"), null, null);
        RuleBench b = bench(Instant.parse("2026-03-01T20:30:00Z")).watch(Rules.NONE, site, null, 1, 1);
        b.check(5);
        assertThat(b.alertsSent()).isZero();
        assertThat(only(b.alerts()).reason()).isEqualTo("blackout: inside blackout window \"Mon 00:00-06:00 Asia/Seoul\"");
        assertThat(b.store.episodes().open(b.watchName())).as("the episode is recorded all the same").isPresent();
        b.clock.set(Instant.parse("2026-03-01T21:00:00Z")); // Monday 06:00 in Seoul: the window is over
        b.check(5);
        assertThat(b.alertsSent()).isEqualTo(1);
        assertThat(only(b.alerts()).status()).isEqualTo(AlertStatus.SENT);
    }

    @Test
    void blackoutOnADifferentWeekdayInTheZoneDoesNotHold() throws Exception {
        // Sunday 12:00 UTC is Sunday 21:00 in Seoul: outside a Monday window.
        Rules site = new Rules(null, null, null, null, null, List.of("Mon 00:00-06:00 Asia/Seoul", "Sat 20:00-22:00 Asia/Seoul"),
                null, null);
        RuleBench b = bench(SUNDAY_NOON_UTC).watch(Rules.NONE, site, null, 1, 1);
        b.check(5);
        assertThat(b.alertsSent()).isEqualTo(1);
    }

    @Test
    void flappingWithinCooldownDoesNotReAlert() throws Exception {
        RuleBench b = bench(SUNDAY_NOON_UTC).watch(new Rules(null, null, null, null, null, null, null, Duration.ofMinutes(10)));
        b.check(5);
        assertThat(b.alertsSent()).isEqualTo(1);
        b.clock.advance(Duration.ofSeconds(30));
        b.check(0);
        b.clock.advance(Duration.ofSeconds(30));
        b.check(5);
        assertThat(b.alertsSent()).isEqualTo(1);
        assertThat(b.alerts().getFirst().reason()).isEqualTo("cooldown: alerted 60 s ago, within cooldown 600 s");
        b.clock.advance(Duration.ofSeconds(30));
        b.check(0);
        b.clock.advance(Duration.ofMinutes(10));
        b.check(5);
        assertThat(b.alertsSent()).as("after the cooldown a restock alerts again").isEqualTo(2);
    }

    @Test
    void confirmOutKeepsTheEpisodeOpenUntilSoldOutTwiceInARow() throws Exception {
        RuleBench b = bench(SUNDAY_NOON_UTC).watch(Rules.NONE, Rules.NONE, null, 1, 2);
        b.check(5);
        b.clock.advance(Duration.ofSeconds(1));
        b.check(0);
        assertThat(b.store.episodes().open(b.watchName())).as("one sold-out page is not yet the end").isPresent();
        b.clock.advance(Duration.ofSeconds(1));
        b.check(5);
        assertThat(b.alertsSent()).isEqualTo(1);
        b.clock.advance(Duration.ofSeconds(1));
        b.check(0);
        b.clock.advance(Duration.ofSeconds(1));
        b.check(0);
        assertThat(b.store.episodes().open(b.watchName())).isEmpty();
        assertThat(b.store.stats().windowsOfWatch(b.watchName(), null)).singleElement()
                .satisfies(w -> assertThat(w.length()).isEqualTo(Duration.ofSeconds(4)));
    }

    @Test
    void confirmInRechecksAtOnceBeforeAlerting() throws Exception {
        RuleBench b = bench(SUNDAY_NOON_UTC).watch(Rules.NONE, Rules.NONE, null, 2, 1);
        long before = b.shop.hits("/api/products/" + RuleBench.PRODUCT);
        b.budget.tryStart(b.clock.instant()); // the lane took the site's slot for the first request
        b.check(5);
        assertThat(b.shop.hits("/api/products/" + RuleBench.PRODUCT) - before).as("two requests in one check").isEqualTo(2);
        assertThat(b.alertsSent()).isEqualTo(1);
        assertThat(b.clock.instant()).as("the re-check waited for the site's next slot (1/s)")
                .isEqualTo(SUNDAY_NOON_UTC.plusSeconds(1));
        assertThat(b.alerts().getFirst().detectedAt()).isEqualTo(SUNDAY_NOON_UTC.plusSeconds(1));
    }

    @Test
    void anEndedEpisodeHandsItsSentMessagesToTheListenerForLiveUpdates() throws Exception {
        RuleBench b = bench(SUNDAY_NOON_UTC).discord().watch(Rules.NONE);
        b.check(5);
        assertThat(b.alertsSent()).isEqualTo(1);
        b.clock.advance(Duration.ofSeconds(42));
        b.check(0);
        assertThat(b.endedEpisodes).singleElement().satisfies(messages -> assertThat(messages).singleElement()
                .satisfies(d -> {
                    assertThat(d.delivery().channel()).isEqualTo("alerts");
                    assertThat(d.delivery().messageId()).isEqualTo(String.valueOf(dev.alimi.notify.FakeDiscord.FIRST_MESSAGE_ID));
                }));
    }

    @Test
    void soldOutEditsTheDiscordMessageByDefault() throws Exception {
        RuleBench b = bench(SUNDAY_NOON_UTC).discord().watch(Rules.NONE, Rules.NONE, Rules.NONE, 1, 1);
        b.check(5);
        b.clock.advance(Duration.ofSeconds(42));
        b.check(0);
        assertThat(b.discord.received()).filteredOn(r -> r.method().equals("PATCH")).singleElement()
                .satisfies(r -> {
                    assertThat(r.path()).endsWith("/messages/" + dev.alimi.notify.FakeDiscord.FIRST_MESSAGE_ID);
                    assertThat(r.body()).contains("42 s");
                });
    }

    @Test
    void followUpReplySendsAShortMessageWhereNothingCanBeEdited() throws Exception {
        RuleBench b = bench(SUNDAY_NOON_UTC).followUp("reply").watch(Rules.NONE, Rules.NONE, Rules.NONE, 1, 1);
        b.check(5);
        b.clock.advance(Duration.ofSeconds(42));
        b.check(0);
        assertThat(b.slack.received()).filteredOn(r -> r.method().equals("POST")).hasSize(2)
                .last().satisfies(r -> assertThat(r.body()).containsIgnoringCase("sold out").contains("42 s"));
    }

    @Test
    void followUpNoneLeavesTheMessagesAlone() throws Exception {
        RuleBench b = bench(SUNDAY_NOON_UTC).discord().followUp("none").watch(Rules.NONE, Rules.NONE, Rules.NONE, 1, 1);
        b.check(5);
        b.clock.advance(Duration.ofSeconds(42));
        b.check(0);
        assertThat(b.discord.received()).extracting(r -> r.method()).containsOnly("POST");
    }
}
