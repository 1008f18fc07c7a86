package dev.alimi.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.alimi.model.Delivery;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Dispatcher rules beyond the contract: the TTL bounds every retry, logs are useful and free of secrets. */
class DispatcherTest {

    private final Clock clock = Clock.systemUTC();
    private final ChannelContext context = new ChannelContext(HttpClient.newHttpClient(),
            new PrintStream(new ByteArrayOutputStream()), clock, Duration.ofSeconds(5));
    private final ChannelRegistry registry = ChannelRegistry.standard();
    private final FakeDiscord discord = new FakeDiscord();
    private final FakeSlack slack = new FakeSlack();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(Dispatcher.class);

    @BeforeEach
    void captureLogs() {
        logs.start();
        logger.setLevel(Level.DEBUG);
        logger.addAppender(logs);
    }

    @AfterEach
    void stop() {
        logger.detachAppender(logs);
        logger.setLevel(null);
        discord.close();
        slack.close();
    }

    @Test
    void serverErrorsAreRetriedUntilTheTtlThenDropped() {
        for (int i = 0; i < 50; i++) {
            slack.respondNext(503, Map.of(), "busy");
        }
        Dispatcher dispatcher = new Dispatcher(Map.of("team", registry.create(slack.spec("team"), context)), clock,
                Duration.ofMillis(1500), new Backoff(Duration.ofMillis(100), Duration.ofMillis(400), 2.0));

        Delivery d = dispatcher.dispatch(TestEvents.restocked("Widget Pro", clock.instant()), List.of("team")).get(0);

        assertThat(d.outcome()).isEqualTo(Delivery.Outcome.EXPIRED);
        assertThat(d.attempts()).isGreaterThan(1).isEqualTo(slack.received().size());
        assertThat(d.sentAt()).isBeforeOrEqualTo(d.detectedAt().plus(Duration.ofMillis(1500)));
    }

    @Test
    void aChangeUpdateIsWorthLessTimeThanAnAlert() {
        Dispatcher dispatcher = new Dispatcher(Map.of("friends", registry.create(discord.spec("friends"), context)),
                clock, Duration.ofMinutes(5), Backoff.DEFAULT);
        var older = clock.instant().minus(Dispatcher.CHANGE_TTL).minusSeconds(1);

        Delivery change = dispatcher.dispatch(TestEvents.changed("KF94 50-pack", older), List.of("friends")).get(0);
        Delivery alert = dispatcher.dispatch(TestEvents.restocked("KF94 50-pack", older), List.of("friends")).get(0);

        assertThat(change.outcome()).as("past the change TTL").isEqualTo(Delivery.Outcome.EXPIRED);
        assertThat(alert.outcome()).as("well within the alert TTL").isEqualTo(Delivery.Outcome.SENT);
        assertThat(discord.received()).hasSize(1);
    }

    @Test
    void expiredAlertsLogTheRequiredWarning() {
        discord.respondNext(429, Map.of("Retry-After", "2"), "{\"retry_after\":2.0}");
        Dispatcher dispatcher = new Dispatcher(Map.of("friends", registry.create(discord.spec("friends"), context)),
                clock, Duration.ofMinutes(5).minusMinutes(4).minusSeconds(59), Backoff.DEFAULT);

        dispatcher.dispatch(TestEvents.restocked("KF94 50-pack", clock.instant()), List.of("friends"));

        assertThat(logs.list).filteredOn(e -> e.getLevel() == Level.WARN).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("alert for KF94 50-pack to friends dropped: older than 1s");
    }

    @Test
    void everyDeliveryLogsOneDebugLineWithLatencyAndNoSecrets() {
        discord.respondNext(400, Map.of(), "{\"message\":\"bad " + FakeDiscord.TOKEN + "\"}");
        Dispatcher dispatcher = new Dispatcher(Map.of(
                "friends", registry.create(discord.spec("friends"), context),
                "team", registry.create(slack.spec("team"), context)), clock, Duration.ofMinutes(5), Backoff.DEFAULT);

        List<Delivery> ds = dispatcher.dispatch(TestEvents.restocked("Widget Pro", clock.instant()),
                List.of("friends", "team"));

        assertThat(ds).extracting(Delivery::outcome).containsExactly(Delivery.Outcome.FAILED, Delivery.Outcome.SENT);
        assertThat(ds.get(0).detail()).doesNotContain(FakeDiscord.TOKEN).contains("***");
        List<String> info = logs.list.stream().filter(e -> e.getLevel() == Level.DEBUG)
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(info).hasSize(2).allMatch(line -> line.matches(".* latency \\d+ ms.*"));
        assertThat(String.join("\n", info)).doesNotContain(FakeDiscord.TOKEN).doesNotContain(FakeSlack.TOKEN)
                .doesNotContain(FakeSlack.BOT);
    }

    @Test
    void aChannelNamedTwiceGetsOneDelivery() {
        Dispatcher dispatcher = new Dispatcher(Map.of("team", registry.create(slack.spec("team"), context)), clock,
                Duration.ofMinutes(5), Backoff.DEFAULT);

        List<Delivery> ds = dispatcher.dispatch(TestEvents.restocked("W", clock.instant()), List.of("team", "team"));

        assertThat(ds).hasSize(1);
        assertThat(slack.received()).hasSize(1);
    }

    @Test
    void backoffGrowsToItsMaximum() {
        Backoff b = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(3), 2.0);
        assertThat(List.of(b.delay(1), b.delay(2), b.delay(3), b.delay(4), b.delay(5))).containsExactly(
                Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3),
                Duration.ofSeconds(3));
        assertThat(Backoff.DEFAULT.delay(1000)).isEqualTo(Backoff.DEFAULT.max());
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 2.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initial <= max");
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> new Dispatcher(Map.of(), clock, Duration.ZERO, Backoff.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TTL");
    }

    @Test
    void ttlIsWrittenAsInTheConfig() {
        assertThat(Dispatcher.human(Duration.ofMinutes(5))).isEqualTo("5m");
        assertThat(Dispatcher.human(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(Dispatcher.human(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Dispatcher.human(Duration.ofHours(2))).isEqualTo("2h");
    }

    @Test
    void warmUpConnectsToEveryReceiverBeforeTheFirstAlert() {
        try (Dispatcher dispatcher = new Dispatcher(Map.of(
                "friends", registry.create(discord.spec("friends"), context),
                "team", registry.create(slack.spec("team"), context)), clock, Duration.ofMinutes(5), Backoff.DEFAULT)) {
            dispatcher.warmUp();
        }

        assertThat(slack.received()).extracting(FakeReceiver.Request::method, FakeReceiver.Request::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("HEAD", "/"));
        assertThat(discord.received()).extracting(FakeReceiver.Request::method).containsExactly("HEAD");
    }

    /** A clock that does not move (tests, demos) must not keep a rate-limited delivery waiting forever. */
    @Test
    void aStoppedClockStillLetsARateLimitedAlertThrough() {
        Clock stopped = Clock.fixed(clock.instant(), java.time.ZoneOffset.UTC);
        ChannelContext still = new ChannelContext(context.http(), context.console(), stopped, Duration.ofSeconds(5));
        discord.respondNext(429, Map.of("Content-Type", "application/json"), "{\"retry_after\":0.1}");
        Dispatcher dispatcher = new Dispatcher(Map.of("friends", registry.create(discord.spec("friends"), still)),
                stopped, Duration.ofMinutes(5), Backoff.DEFAULT);

        Delivery d = dispatcher.dispatch(TestEvents.restocked("W", stopped.instant()), List.of("friends")).get(0);

        assertThat(d.outcome()).isEqualTo(Delivery.Outcome.SENT);
        assertThat(d.attempts()).isEqualTo(2);
    }
}
