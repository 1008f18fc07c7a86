package dev.alimi.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alimi.model.Delivery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Backend.class)
class DeliveryLogTest extends StoreTestBase {

    private Alert alert;

    @BeforeEach
    void sendAlert() {
        Episode e = store.episodes().start("KF94", "coupang", at(0), null, null, null);
        alert = store.outbox().enqueue(new AlertDraft(e.id(), "restocked", "masks", "friends",
                inStock("KF94", 0, null, null), at(300))).orElseThrow();
    }

    private static Delivery delivery(Delivery.Outcome outcome, long sentAt, int attempts, String messageId) {
        return new Delivery("friends", "KF94", outcome, at(0), at(sentAt), attempts, messageId,
                outcome == Delivery.Outcome.SENT ? null : "HTTP 503");
    }

    @Test
    void keepsTimestampsAttemptsAndTheRemoteId() {
        Delivery d = delivery(Delivery.Outcome.SENT, 2, 3, "1234567890");

        StoredDelivery stored = store.deliveries().record(alert.id(), DeliveryKind.ALERT, d);

        assertThat(store.deliveries().ofAlert(alert.id())).containsExactly(stored);
        assertThat(stored.delivery().latency().toSeconds()).isEqualTo(2);
        assertThat(stored.acknowledgedAt()).isNull();
    }

    @Test
    void acknowledgeSetsWhenTheReceiverSawIt() {
        StoredDelivery stored = store.deliveries().record(alert.id(), DeliveryKind.ALERT,
                delivery(Delivery.Outcome.SENT, 1, 1, "m"));

        assertThat(store.deliveries().acknowledge(stored.id(), at(9))).isTrue();
        assertThat(store.deliveries().acknowledge(99_999, at(9))).isFalse();

        assertThat(store.deliveries().ofAlert(alert.id())).singleElement().extracting(StoredDelivery::acknowledgedAt)
                .isEqualTo(at(9));
    }

    @Test
    void sentMessageIsTheAcceptedAlertWithAnId() {
        store.deliveries().record(alert.id(), DeliveryKind.ALERT, delivery(Delivery.Outcome.FAILED, 1, 1, null));
        StoredDelivery accepted = store.deliveries().record(alert.id(), DeliveryKind.ALERT,
                delivery(Delivery.Outcome.SENT, 2, 2, "msg-42"));
        store.deliveries().record(alert.id(), DeliveryKind.EDIT, delivery(Delivery.Outcome.SENT, 50, 1, "msg-42"));

        assertThat(store.deliveries().sentMessage(alert.id())).contains(accepted);
        assertThat(store.deliveries().ofAlert(alert.id())).extracting(StoredDelivery::kind)
                .containsExactly(DeliveryKind.ALERT, DeliveryKind.ALERT, DeliveryKind.EDIT);
    }

    @Test
    void noSentMessageWhenTheServiceGaveNoId() {
        store.deliveries().record(alert.id(), DeliveryKind.ALERT, delivery(Delivery.Outcome.SENT, 1, 1, null));

        assertThat(store.deliveries().sentMessage(alert.id())).isEmpty();
    }

    @Test
    void sentMessagesOfAnEpisodeAreWhatToEditWhenItEnds() {
        StoredDelivery first = store.deliveries().record(alert.id(), DeliveryKind.ALERT,
                delivery(Delivery.Outcome.SENT, 1, 1, "msg-1"));
        store.deliveries().record(alert.id(), DeliveryKind.EDIT, delivery(Delivery.Outcome.SENT, 40, 1, "msg-1"));
        Alert other = store.outbox().enqueue(new AlertDraft(alert.episodeId(), "restocked", "masks", "team",
                inStock("KF94", 0, null, null), at(300))).orElseThrow();
        store.deliveries().record(other.id(), DeliveryKind.ALERT, delivery(Delivery.Outcome.SENT, 1, 1, null));
        Episode later = store.episodes().start("KF94", "coupang", at(500), null, null, null);
        Alert next = store.outbox().enqueue(new AlertDraft(later.id(), "restocked", "masks", "friends",
                inStock("KF94", 500, null, null), at(800))).orElseThrow();
        store.deliveries().record(next.id(), DeliveryKind.ALERT, delivery(Delivery.Outcome.SENT, 501, 1, "msg-2"));

        // every alert's first accepted message: with an id to edit, or without one (a follow-up goes there)
        assertThat(store.deliveries().sentMessagesOfEpisode(alert.episodeId())).first().isEqualTo(first);
        assertThat(store.deliveries().sentMessagesOfEpisode(alert.episodeId())).extracting(d -> d.delivery().messageId())
                .containsExactly("msg-1", null);
        assertThat(store.deliveries().sentMessagesOfEpisode(later.id())).extracting(d -> d.delivery().messageId())
                .containsExactly("msg-2");
    }
}
