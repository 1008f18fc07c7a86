package dev.alimi.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alimi.model.Delivery;
import dev.alimi.model.StockEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Live updates: a sent alert is edited to "sold out again after 42 s" where the service can edit. */
class EditTest {

    enum Editable {
        TELEGRAM(FakeTelegram::new),
        DISCORD(FakeDiscord::new),
        SLACK_BOT(FakeSlackApi::new);

        final Supplier<FakeReceiver> receiver;

        Editable(Supplier<FakeReceiver> receiver) {
            this.receiver = receiver;
        }
    }

    private final Clock clock = Clock.systemUTC();
    private final ChannelContext context = new ChannelContext(HttpClient.newHttpClient(),
            new PrintStream(new ByteArrayOutputStream()), clock, Duration.ofSeconds(5));
    private final ChannelRegistry registry = ChannelRegistry.standard();

    @ParameterizedTest
    @EnumSource(Editable.class)
    void aSentAlertIsEditedWhenTheItemSellsOut(Editable kind) {
        try (FakeReceiver receiver = kind.receiver.get()) {
            Dispatcher dispatcher = new Dispatcher(Map.of("c", registry.create(receiver.spec("c"), context)), clock,
                    Duration.ofMinutes(5), Backoff.DEFAULT);
            Delivery sent = dispatcher.dispatch(TestEvents.restocked("Widget Pro", clock.instant()), List.of("c"))
                    .get(0);
            StockEvent soldOut = TestEvents.soldOut("Widget Pro", Duration.ofSeconds(42), clock.instant());

            Delivery edited = dispatcher.update(soldOut, Map.of("c", sent.messageId())).get(0);

            assertThat(edited.outcome()).isEqualTo(Delivery.Outcome.SENT);
            assertThat(edited.messageId()).isEqualTo(sent.messageId());
            assertThat(receiver.received()).hasSize(2);
            assertThat(receiver.last().body()).contains("sold out again after 42 s");
            if (kind == Editable.DISCORD) {
                assertThat(receiver.last().method()).isEqualTo("PATCH");
                assertThat(receiver.last().body()).contains("\"allowed_mentions\":{\"parse\":[]}");
            }
        }
    }

    /** A change rewrites the same message to the current state; the end of the episode still edits it after. */
    @ParameterizedTest
    @EnumSource(Editable.class)
    void aSentAlertIsEditedWhenItChangesAndAgainWhenItSellsOut(Editable kind) {
        try (FakeReceiver receiver = kind.receiver.get()) {
            Dispatcher dispatcher = new Dispatcher(Map.of("c", registry.create(receiver.spec("c"), context)), clock,
                    Duration.ofMinutes(5), Backoff.DEFAULT);
            Delivery sent = dispatcher.dispatch(TestEvents.restocked("Widget Pro", clock.instant()), List.of("c"))
                    .get(0);

            Delivery changed = dispatcher.update(TestEvents.changed("Widget Pro", clock.instant()),
                    Map.of("c", sent.messageId())).get(0);
            String changeBody = receiver.last().body().replace("\\", "");
            Delivery ended = dispatcher.update(TestEvents.soldOut("Widget Pro", Duration.ofSeconds(42), clock.instant()),
                    Map.of("c", sent.messageId())).get(0);

            assertThat(changed.outcome()).isEqualTo(Delivery.Outcome.SENT);
            assertThat(changed.messageId()).isEqualTo(sent.messageId());
            assertThat(changeBody).contains("price now €59.99 (was €49.99)").contains("still in stock");
            assertThat(ended.outcome()).isEqualTo(Delivery.Outcome.SENT);
            assertThat(receiver.received()).hasSize(3);
            assertThat(receiver.last().body()).contains("sold out again after 42 s");
            if (kind == Editable.DISCORD) {
                assertThat(receiver.received()).extracting(FakeReceiver.Request::method).containsExactly("POST", "PATCH", "PATCH");
                assertThat(receiver.received().get(1).path()).isEqualTo(receiver.last().path())
                        .endsWith("/messages/" + sent.messageId());
            }
        }
    }

    @Test
    void telegramsMessageIsNotModifiedCountsAsDone() {
        try (FakeTelegram telegram = new FakeTelegram()) {
            Channel channel = registry.create(telegram.spec("c"), context);
            StockEvent event = TestEvents.restocked("Widget Pro", clock.instant());
            SendResult.Sent sent = (SendResult.Sent) channel.send(event);

            assertThat(channel.edit(sent.messageId(), event)).isEqualTo(new SendResult.Sent(sent.messageId()));
            assertThat(channel.edit("999", event)).isInstanceOfSatisfying(SendResult.Failed.class,
                    f -> assertThat(f.detail()).contains("message to edit not found"));
        }
    }

    @Test
    void servicesThatCannotEditSaySoWithoutARequest() {
        try (FakeSlack slack = new FakeSlack(); FakeNtfy ntfy = new FakeNtfy()) {
            StockEvent event = TestEvents.soldOut("W", Duration.ofSeconds(1), clock.instant());
            assertThat(registry.create(slack.spec("s"), context).edit("1.2", event))
                    .isInstanceOfSatisfying(SendResult.Failed.class, f -> assertThat(f.retryable()).isFalse());
            assertThat(registry.create(ntfy.spec("n"), context).edit("x", event))
                    .isInstanceOfSatisfying(SendResult.Failed.class, f -> assertThat(f.detail()).contains("cannot edit"));
            assertThat(slack.received()).isEmpty();
            assertThat(ntfy.received()).isEmpty();
        }
    }
}
