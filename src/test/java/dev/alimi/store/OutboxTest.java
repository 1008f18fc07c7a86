package dev.alimi.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alimi.model.Delivery;
import dev.alimi.model.Told;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Backend.class)
class OutboxTest extends StoreTestBase {

    private static final Duration TTL = Duration.ofMinutes(5);

    private Episode episode;

    @BeforeEach
    void startEpisode() {
        episode = store.episodes().start("KF94", "coupang", at(0), 12L, null, "KRW");
    }

    private AlertDraft draft(String route, String channel) {
        return new AlertDraft(episode.id(), "restocked", route, channel, inStock("KF94", 0, 12L, "15900"), at(0).plus(TTL));
    }

    private static Delivery sent(String channel, String messageId) {
        return new Delivery(channel, "KF94", Delivery.Outcome.SENT, at(0), at(1), 1, messageId, null);
    }

    @Test
    void anAlertIsStoredPendingBeforeItIsSent() {
        Alert alert = store.outbox().enqueue(draft("masks", "friends")).orElseThrow();

        assertThat(alert.status()).isEqualTo(AlertStatus.PENDING);
        assertThat(alert).extracting(Alert::episodeId, Alert::kind, Alert::route, Alert::channel, Alert::watch,
                        Alert::detectedAt, Alert::expiresAt)
                .containsExactly(episode.id(), "restocked", "masks", "friends", "KF94", at(0), at(300));
        assertThat(alert.observation()).isEqualTo(inStock("KF94", 0, 12L, "15900"));
        assertThat(store.outbox().find(alert.id())).contains(alert);
    }

    @Test
    void oneAlertPerEpisodeKindRouteAndChannel() {
        assertThat(store.outbox().enqueue(draft("masks", "friends"))).isPresent();

        assertThat(store.outbox().enqueue(draft("masks", "friends"))).as("the same again").isEmpty();
        assertThat(store.outbox().enqueue(draft("masks", "team"))).as("another channel").isPresent();
        assertThat(store.outbox().enqueue(draft("deals", "friends"))).as("another route").isPresent();
        Episode next = store.episodes().start("KF94", "coupang", at(100), null, null, null);
        assertThat(store.outbox().enqueue(new AlertDraft(next.id(), "restocked", "masks", "friends",
                inStock("KF94", 100, null, null), at(400)))).as("the next episode").isPresent();
        assertThat(store.outbox().ofEpisode(episode.id())).hasSize(3);
    }

    @Test
    void aFinishedAlertIsNeverEnqueuedAgain() {
        Alert alert = store.outbox().enqueue(draft("masks", "friends")).orElseThrow();
        store.outbox().finish(alert.id(), sent("friends", "m-1"));

        assertThat(store.outbox().enqueue(draft("masks", "friends"))).isEmpty();
        assertThat(store.outbox().hold(draft("masks", "friends"), "blackout").status()).isEqualTo(AlertStatus.SENT);
    }

    @Test
    void aHeldAlertKeepsTheRulesReason() {
        Alert held = store.outbox().hold(draft("masks", "friends"), "2 in stock, below min-stock 4");

        assertThat(held.status()).isEqualTo(AlertStatus.HELD);
        assertThat(held.reason()).isEqualTo("2 in stock, below min-stock 4");
        assertThat(store.outbox().alerted(episode.id(), "restocked", "masks")).as("held is not alerted").isFalse();

        Alert again = store.outbox().hold(draft("masks", "friends"), "3 in stock, below min-stock 4");
        assertThat(again.id()).isEqualTo(held.id());
        assertThat(again.reason()).isEqualTo("3 in stock, below min-stock 4");
        assertThat(store.outbox().recent("KF94", 10)).singleElement().extracting(Alert::reason)
                .isEqualTo("3 in stock, below min-stock 4");
    }

    @Test
    void aHeldAlertBecomesPendingOnceTheRuleLetsItGo() {
        Alert held = store.outbox().hold(draft("masks", "friends"), "2 in stock, below min-stock 4");
        AlertDraft reached = new AlertDraft(episode.id(), "restocked", "masks", "friends", inStock("KF94", 30, 4L, null),
                at(330));

        Alert pending = store.outbox().enqueue(reached).orElseThrow();

        assertThat(pending.id()).isEqualTo(held.id());
        assertThat(pending.status()).isEqualTo(AlertStatus.PENDING);
        assertThat(pending.reason()).isNull();
        assertThat(pending.detectedAt()).isEqualTo(at(30));
        assertThat(pending.observation().quantity()).isEqualTo(4L);
        assertThat(store.outbox().enqueue(reached)).as("alerts once").isEmpty();
        assertThat(store.outbox().alerted(episode.id(), "restocked", "masks")).isTrue();
        assertThat(store.outbox().alerted(episode.id(), "restocked", "deals")).isFalse();
    }

    @Test
    void finishSetsTheStatusFromTheDeliveryAndStoresIt() {
        Alert ok = store.outbox().enqueue(draft("masks", "friends")).orElseThrow();
        Alert bad = store.outbox().enqueue(draft("masks", "team")).orElseThrow();

        StoredDelivery d = store.outbox().finish(ok.id(), sent("friends", "m-1")).orElseThrow();
        store.outbox().finish(bad.id(), new Delivery("team", "KF94", Delivery.Outcome.FAILED, at(0), at(2), 3, null,
                "HTTP 404"));

        assertThat(d.kind()).isEqualTo(DeliveryKind.ALERT);
        assertThat(store.outbox().find(ok.id()).orElseThrow().status()).isEqualTo(AlertStatus.SENT);
        Alert failed = store.outbox().find(bad.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(AlertStatus.FAILED);
        assertThat(failed.reason()).isEqualTo("HTTP 404");
        assertThat(store.deliveries().ofAlert(ok.id())).extracting(StoredDelivery::delivery)
                .containsExactly(sent("friends", "m-1"));
        assertThat(store.outbox().finish(ok.id(), sent("friends", "m-2"))).as("already ended").isEmpty();
        assertThat(store.deliveries().ofAlert(ok.id())).hasSize(1);
    }

    @Test
    void expiredAlertsAreMarkedAndNeverClaimed() {
        Alert old = store.outbox().enqueue(draft("masks", "friends")).orElseThrow();
        Alert young = store.outbox().enqueue(new AlertDraft(episode.id(), "restocked", "masks", "team",
                inStock("KF94", 200, 12L, null), at(500))).orElseThrow();
        reopen();

        assertThat(store.outbox().expireDue(at(300))).extracting(Alert::id).containsExactly(old.id());
        assertThat(store.outbox().find(old.id()).orElseThrow().status()).isEqualTo(AlertStatus.EXPIRED);
        assertThat(store.outbox().expireDue(at(300))).isEmpty();
        assertThat(store.outbox().claimPending(at(300), 10)).extracting(Alert::id).containsExactly(young.id());
        assertThat(store.outbox().finish(old.id(), sent("friends", "late"))).as("never sent late").isEmpty();
    }

    @Test
    void aRestartClaimsWhatTheDeadProcessLeftOnce() {
        Alert a = store.outbox().enqueue(draft("masks", "friends")).orElseThrow();
        Alert b = store.outbox().enqueue(draft("masks", "team")).orElseThrow();
        assertThat(store.outbox().claimPending(at(1), 10)).as("the live sender holds its own alerts").isEmpty();

        reopen();

        assertThat(store.outbox().claimPending(at(1), 1)).extracting(Alert::id).containsExactly(a.id());
        assertThat(store.outbox().claimPending(at(1), 10)).extracting(Alert::id).containsExactly(b.id());
        assertThat(store.outbox().claimPending(at(1), 10)).as("claimed once").isEmpty();
        assertThat(store.outbox().claimPending(at(301), 10)).as("expired").isEmpty();
    }

    @Test
    void recentShowsNewestFirst() {
        store.outbox().hold(draft("masks", "friends"), "blackout Mon-Fri 10:00-11:00 Asia/Seoul");
        Episode next = store.episodes().start("KF94", "coupang", at(100), null, null, null);
        store.outbox().enqueue(new AlertDraft(next.id(), "restocked", "masks", "friends", inStock("KF94", 100, null, null),
                at(400)));

        assertThat(store.outbox().recent("KF94", 10)).extracting(Alert::status)
                .containsExactly(AlertStatus.PENDING, AlertStatus.HELD);
        assertThat(store.outbox().recent("KF94", 1)).hasSize(1);
    }

    @Test
    void racingSendersGetTheAlertOnce() throws Exception {
        store.outbox().hold(draft("masks", "friends"), "blackout");
        int racers = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<Alert>>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(racers)) {
            for (int i = 0; i < racers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return store.outbox().enqueue(draft("masks", "friends"));
                }));
            }
            start.countDown();
        }
        long winners = 0;
        for (Future<Optional<Alert>> r : results) {
            winners += r.get().isPresent() ? 1 : 0;
        }

        assertThat(winners).isEqualTo(1);
        assertThat(store.outbox().ofEpisode(episode.id())).singleElement().extracting(Alert::status)
                .isEqualTo(AlertStatus.PENDING);
    }

    @Test
    void lastAlertedSkipsHeldAlertsForCooldowns() {
        Alert first = store.outbox().enqueue(draft("masks", "friends")).orElseThrow();
        Episode next = store.episodes().start("KF94", "coupang", at(100), null, null, null);
        store.outbox().hold(new AlertDraft(next.id(), "restocked", "masks", "friends", inStock("KF94", 100, null, null),
                at(400)), "cooldown");

        assertThat(store.outbox().lastAlerted("KF94", "restocked", "masks")).contains(first);
        assertThat(store.outbox().lastAlerted("KF94", "restocked", "deals")).isEmpty();
    }

    /** Only SENT alerts have been told anything; until a change update, what was told is the alert's own facts. */
    @Test
    void whatASentAlertToldIsItsOwnFactsUntilRetoldAndSurvivesAReopen() {
        Alert sentAlert = store.outbox().enqueue(draft("masks", "friends")).orElseThrow();
        store.outbox().finish(sentAlert.id(), sent("friends", "m-1"));
        store.outbox().hold(draft("deals", "friends"), "blackout: inside");
        Alert failed = store.outbox().enqueue(draft("masks", "team")).orElseThrow();
        store.outbox().finish(failed.id(), new Delivery("team", "KF94", Delivery.Outcome.FAILED, at(0), at(1), 1, null, "400"));

        assertThat(store.outbox().told(episode.id(), "restocked")).singleElement().satisfies(t -> {
            assertThat(t.alert().id()).isEqualTo(sentAlert.id());
            assertThat(t.told()).isEqualTo(new Told(new java.math.BigDecimal("15900"), 12L, null));
        });

        Told first = store.outbox().told(episode.id(), "restocked").getFirst().told();
        Told retold = new Told(new java.math.BigDecimal("17900.50"), 2L, at(60));
        assertThat(store.outbox().retell(sentAlert.id(), first, retold)).isTrue();
        assertThat(store.outbox().retell(sentAlert.id(), first, new Told(null, 1L, at(61))))
                .as("another check told it since it was read").isFalse();
        assertThat(store.outbox().retell(failed.id(), first, retold)).as("a failed alert told nobody").isFalse();
        reopen();

        assertThat(store.outbox().told(episode.id(), "restocked")).singleElement()
                .satisfies(t -> assertThat(t.told()).isEqualTo(retold));
        assertThat(store.outbox().retell(sentAlert.id(), retold, new Told(null, 1L, at(90)))).isTrue();
        assertThat(store.outbox().find(sentAlert.id()).orElseThrow().observation())
                .as("the alert itself is unchanged").isEqualTo(inStock("KF94", 0, 12L, "15900"));
    }
}
