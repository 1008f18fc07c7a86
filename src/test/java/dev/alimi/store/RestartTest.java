package dev.alimi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alimi.model.Availability;
import dev.alimi.model.Delivery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Backend.class)
class RestartTest extends StoreTestBase {

    private static StoredWatchState inStockSince(long seconds) {
        return new StoredWatchState("KF94", Availability.IN_STOCK, at(seconds), Availability.IN_STOCK, at(seconds), 1, 0, 0,
                1, 0, null, 0);
    }

    @Test
    void reopeningTheStoreKeepsItsData() {
        store.watchStates().save(inStockSince(0));
        store.observations().record(inStock("KF94", 0, 5L, "100"), true, java.time.Duration.ofMinutes(1));
        Episode episode = store.episodes().start("KF94", "coupang", at(0), 5L, null, null);
        Alert sent = store.outbox().enqueue(new AlertDraft(episode.id(), "restocked", "masks", "friends",
                inStock("KF94", 0, 5L, "100"), at(300))).orElseThrow();
        store.outbox().finish(sent.id(), new Delivery("friends", "KF94", Delivery.Outcome.SENT, at(0), at(1), 1, "m-1",
                null));

        reopen();

        assertThat(store.watchStates().find("KF94")).contains(inStockSince(0));
        assertThat(store.observations().recent("KF94", 10)).hasSize(1);
        assertThat(store.episodes().open("KF94")).contains(episode);
        assertThat(store.outbox().find(sent.id()).orElseThrow().status()).isEqualTo(AlertStatus.SENT);
        assertThat(store.deliveries().sentMessage(sent.id()).orElseThrow().delivery().messageId()).isEqualTo("m-1");
    }

    @Test
    void aKilledProcessesAlertIsSentOnceAfterRestartAndNeverRepeated() {
        Episode episode = store.episodes().start("KF94", "coupang", at(0), null, null, null);
        AlertDraft draft = new AlertDraft(episode.id(), "restocked", "masks", "friends", inStock("KF94", 0, null, null),
                at(300));
        store.outbox().enqueue(draft).orElseThrow();
        // kill -9: the first process never closes its store, never finishes its alert
        try (Store restarted = Store.open(database.url())) {
            assertThat(restarted.episodes().start("KF94", "coupang", at(0), null, null, null)).isEqualTo(episode);
            assertThat(restarted.outbox().enqueue(draft)).as("the replayed restock is not a new alert").isEmpty();
            var claimed = restarted.outbox().claimPending(at(10), 10);
            assertThat(claimed).hasSize(1);
            restarted.outbox().finish(claimed.getFirst().id(), new Delivery("friends", "KF94", Delivery.Outcome.SENT,
                    at(0), at(10), 1, null, null));
            assertThat(restarted.outbox().claimPending(at(11), 10)).isEmpty();
        }
        try (Store again = Store.open(database.url())) {
            assertThat(again.outbox().claimPending(at(12), 10)).isEmpty();
            assertThat(again.outbox().ofEpisode(episode.id())).singleElement().extracting(Alert::status)
                    .isEqualTo(AlertStatus.SENT);
        }
    }

    @Test
    void aTransactionWritesAllOrNothing() {
        assertThatThrownBy(() -> store.inTransaction(s -> {
            Episode e = s.episodes().start("KF94", "coupang", at(0), null, null, null);
            s.watchStates().save(inStockSince(0));
            s.outbox().enqueue(new AlertDraft(e.id(), "restocked", "masks", "friends", inStock("KF94", 0, null, null),
                    at(300)));
            throw new IllegalStateException("crash before commit");
        })).hasMessage("crash before commit");

        assertThat(store.episodes().open("KF94")).isEmpty();
        assertThat(store.watchStates().all()).isEmpty();

        Alert alert = store.inTransaction(s -> {
            Episode e = s.episodes().start("KF94", "coupang", at(0), null, null, null);
            s.watchStates().save(inStockSince(0));
            return s.outbox().enqueue(new AlertDraft(e.id(), "restocked", "masks", "friends",
                    inStock("KF94", 0, null, null), at(300))).orElseThrow();
        });
        assertThat(store.outbox().find(alert.id())).contains(alert);
        assertThat(store.watchStates().find("KF94")).isPresent();
    }
}
