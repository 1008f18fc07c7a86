package dev.alimi.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alimi.model.Change;
import dev.alimi.model.Delivery;
import dev.alimi.model.Rules;
import dev.alimi.notify.FakeDiscord;
import dev.alimi.notify.FakeReceiver;
import dev.alimi.store.AlertStatus;
import dev.alimi.store.DeliveryKind;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Change updates during an alerted episode, as scenarios: real checks of the demo shop's JSON product (29,900,
 * quantity in the API), the store, and a fake Discord that hands out message ids and takes PATCHes to them.
 */
class ChangeUpdatesTest {

    private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");
    /** More than the least gap between two updates of one alert. */
    private static final Duration PAST_GAP = dev.alimi.policy.ChangePolicy.MIN_GAP.plusSeconds(1);
    private static final String MESSAGE = "/messages/" + FakeDiscord.FIRST_MESSAGE_ID;

    @TempDir
    Path dir;

    private RuleBench bench;


    @AfterEach
    void close() {
        if (bench != null) bench.close();
    }

    private static Rules minStock(int n) {
        return new Rules(n, null, null, null, null, null, null, null);
    }

    private static Rules priceChange(String percent) {
        return new Rules(null, null, null, null, null, null, null, null, new BigDecimal(percent));
    }

    private RuleBench discord(Rules watchRules, Rules routeRules) throws Exception {
        bench = new RuleBench(dir, START).discord().watch(watchRules, Rules.NONE, routeRules, 1, 1);
        return bench;
    }

    private List<FakeReceiver.Request> patches() {
        return bench.discord.received().stream().filter(r -> r.method().equals("PATCH")).toList();
    }

    private List<FakeReceiver.Request> posts() {
        return bench.discord.received().stream().filter(r -> r.method().equals("POST")).toList();
    }

    /** A generic webhook alerted for the JSON product, under the route's {@code followUp} (null: the default). */
    private void webhookAlerted(String followUp) throws Exception {
        bench = new RuleBench(dir, START).webhook().followUp(followUp).watch(Rules.NONE, Rules.NONE, Rules.NONE, 1, 1);
        bench.check(20);
    }

    private void later(Duration d) {
        bench.clock.advance(d);
    }

    @Test
    void theAlertIsEditedOnLargeChangesOnlyAndStillOnTheSellOut() throws Exception {
        RuleBench b = discord(minStock(5), Rules.NONE);
        b.check(20);
        assertThat(posts()).hasSize(1);

        later(Duration.ofSeconds(5));
        b.price(31_900).check(); // +6.7% against the alert's 29,900
        assertThat(patches()).as("a small change").isEmpty();

        later(Duration.ofSeconds(5));
        b.price(35_900).check(); // +20%
        assertThat(patches()).singleElement().satisfies(r -> {
            assertThat(r.path()).endsWith(MESSAGE);
            assertThat(r.body()).contains("price now 35,900").contains("was 29,900").contains("\"value\":\"35,900\"");
        });

        later(PAST_GAP);
        b.price(33_900).check(); // -5.6% against what was last told (35,900): jitter
        assertThat(patches()).hasSize(1);

        later(PAST_GAP);
        b.check(3); // under min-stock 5
        assertThat(patches()).hasSize(2).last().satisfies(r -> {
            assertThat(r.path()).endsWith(MESSAGE);
            assertThat(r.body()).contains("only 3 left").contains("under min\\\\-stock 5");
        });

        later(Duration.ofSeconds(10));
        b.check(0);
        assertThat(patches()).hasSize(3).last().satisfies(r -> {
            assertThat(r.path()).as("the same stored message id after change edits").endsWith(MESSAGE);
            assertThat(r.body()).contains("sold out again after " + dev.alimi.notify.MessageText.formatDuration(
                    Duration.ofSeconds(5 + 5 + 2 * PAST_GAP.toSeconds() + 10)));
        });
        assertThat(posts()).as("edits only, never a second alert").hasSize(1);
        assertThat(b.changes).hasSize(2);
        assertThat(b.changes.getFirst().getKey().what()).containsExactly(
                new Change.Price(new BigDecimal("29900"), new BigDecimal("35900"), null));
        assertThat(b.changes.getFirst().getValue()).singleElement()
                .satisfies(d -> assertThat(d.outcome()).isEqualTo(Delivery.Outcome.SENT));
        long alertId = b.alerts().getFirst().id();
        assertThat(b.store.deliveries().ofAlert(alertId)).extracting(d -> d.kind())
                .containsExactly(DeliveryKind.ALERT, DeliveryKind.EDIT, DeliveryKind.EDIT, DeliveryKind.EDIT);
    }

    @Test
    void slowDriftAddsUpToAnUpdate() throws Exception {
        RuleBench b = discord(Rules.NONE, Rules.NONE);
        b.check(20);
        long[] drift = {30_800, 31_700, 32_600, 33_500}; // about 3% a check; 12% in all
        for (long price : drift) {
            later(Duration.ofSeconds(5));
            b.price(price).check();
        }
        assertThat(patches()).singleElement()
                .satisfies(r -> assertThat(r.body()).contains("price now 33,500").contains("was 29,900"));
    }

    @Test
    void aChannelThatCannotEditIsLeftAloneUnderEdit() throws Exception {
        webhookAlerted(null);
        long alertId = bench.alerts().getFirst().id();
        assertThat(bench.store.deliveries().ofAlert(alertId)).singleElement()
                .satisfies(d -> assertThat(d.delivery().messageId()).as("webhook deliveries have ids").isNotNull());

        later(Duration.ofSeconds(5));
        bench.price(35_900).check();
        later(Duration.ofSeconds(5));
        bench.check(0);

        assertThat(bench.webhook.received()).as("the alert only: no edit tried, no failure stored").hasSize(1);
        assertThat(bench.store.deliveries().ofAlert(alertId)).extracting(d -> d.kind()).containsExactly(DeliveryKind.ALERT);
    }

    @Test
    void aWebhookUnderReplyGetsTheChangeAsItsOwnEvent() throws Exception {
        webhookAlerted("reply");
        later(Duration.ofSeconds(5));
        bench.price(35_900).check();

        assertThat(bench.webhook.received()).hasSize(2).last()
                .satisfies(r -> assertThat(r.body()).contains("\"type\":\"restock.changed\"").contains("35900"));
    }

    @Test
    void followUpReplySendsANewMessage() throws Exception {
        bench = new RuleBench(dir, START).discord().followUp("reply").watch(Rules.NONE, Rules.NONE, Rules.NONE, 1, 1);
        bench.check(20);
        later(Duration.ofSeconds(5));
        bench.price(35_900).check();

        assertThat(patches()).isEmpty();
        assertThat(posts()).hasSize(2).last().satisfies(r -> assertThat(r.body()).contains("price now 35,900"));
        assertThat(bench.store.deliveries().ofAlert(bench.alerts().getFirst().id())).extracting(d -> d.kind())
                .containsExactly(DeliveryKind.ALERT, DeliveryKind.FOLLOW_UP);
    }

    @Test
    void followUpNoneAndPriceChangeOffSayNothing() throws Exception {
        bench = new RuleBench(dir, START).discord().followUp("none").watch(minStock(5), Rules.NONE, Rules.NONE, 1, 1);
        bench.check(20);
        later(Duration.ofSeconds(5));
        bench.price(35_900).check(3);
        assertThat(bench.discord.received()).hasSize(1);
        bench.close();

        bench = new RuleBench(dir.resolve("off"), START).discord().watch(Rules.NONE, Rules.NONE, priceChange("0"), 1, 1);
        bench.check(20);
        later(Duration.ofSeconds(5));
        bench.price(59_800).check();
        assertThat(bench.discord.received()).hasSize(1);
        assertThat(bench.changes).isEmpty();
    }

    @Test
    void aRouteThresholdOverridesTheWatchs() throws Exception {
        RuleBench b = discord(priceChange("50"), priceChange("15"));
        b.check(20);
        later(Duration.ofSeconds(5));
        b.price(35_900).check(); // +20%: over the route's 15%, under the watch's 50%
        assertThat(patches()).hasSize(1);
    }

    /** What was last told is in the store: after a restart, changes are still measured against it. */
    @Test
    void whatWasLastToldSurvivesARestart() throws Exception {
        RuleBench b = discord(Rules.NONE, Rules.NONE);
        b.check(20);
        later(Duration.ofSeconds(5));
        b.price(35_900).check();
        assertThat(patches()).hasSize(1);

        b.restart();
        later(PAST_GAP);
        b.price(37_900).check(); // +5.6% against the told 35,900 (+27% against the alert)
        assertThat(patches()).as("measured against the update, not the alert").hasSize(1);
        later(Duration.ofSeconds(5));
        b.price(40_900).check(); // +13.9% against the told 35,900
        assertThat(patches()).hasSize(2).last()
                .satisfies(r -> assertThat(r.body()).contains("price now 40,900").contains("was 35,900"));
        assertThat(posts()).as("no second alert after the restart").hasSize(1);
    }

    /** A price flapping across the threshold at every check is told once per gap, not at every check. */
    @Test
    void aFlappingPriceIsToldAtMostOncePerGap() throws Exception {
        RuleBench b = discord(Rules.NONE, Rules.NONE);
        b.check(20);
        for (int i = 0; i < 6; i++) {
            later(Duration.ofSeconds(5));
            b.price(i % 2 == 0 ? 35_900 : 29_900).check();
        }
        assertThat(patches()).as("one update in 30 s of flapping").hasSize(1);
        later(PAST_GAP);
        b.price(29_900).check();
        assertThat(patches()).as("the price is back where it was told first: told again after the gap").hasSize(2)
                .last().satisfies(r -> assertThat(r.body()).contains("price now 29,900").contains("was 35,900"));
    }

    @Test
    void aHeldAlertStaysHeldAndGetsNoUpdates() throws Exception {
        RuleBench b = discord(minStock(50), Rules.NONE);
        b.check(20);
        later(Duration.ofSeconds(5));
        b.price(35_900).check(3);

        assertThat(b.discord.received()).isEmpty();
        assertThat(b.changes).isEmpty();
        assertThat(b.alerts()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(AlertStatus.HELD));
    }
}
