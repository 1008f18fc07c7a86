package dev.alimi.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alimi.model.ChannelSpec;
import dev.alimi.model.Delivery;
import dev.alimi.model.Notice;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Operator notices through {@link Dispatcher#notice} for every channel type of the shared contract table
 * ({@link ChannelContractTest.Kind}), against the same loopback receivers; email and MQTT are checked in
 * their own tests.
 */
class NoticeContractTest {

    private static final String HOSTILE = ContractNames.HOSTILE;
    private static final Duration ALERT_TTL = Duration.ofMinutes(5);
    private static final Backoff FAST = new Backoff(Duration.ofMillis(20), Duration.ofMillis(100), 2.0);

    private final Clock clock = Clock.systemUTC();
    private final ByteArrayOutputStream consoleBytes = new ByteArrayOutputStream();
    private final ChannelContext context = new ChannelContext(HttpClient.newHttpClient(),
            new PrintStream(consoleBytes, true, StandardCharsets.UTF_8), clock, Duration.ofSeconds(5));
    private final ChannelRegistry registry = ChannelRegistry.standard();
    private final List<FakeReceiver> receivers = new ArrayList<>();

    @AfterEach
    void stopReceivers() {
        receivers.forEach(FakeReceiver::close);
    }

    private Notice failing(String subject, Instant at) {
        return new Notice(Notice.Kind.WATCH_FAILING, subject, "Last: " + subject, false, at);
    }

    @ParameterizedTest
    @EnumSource(ChannelContractTest.Kind.class)
    void aNoticeIsSentWithItsTitleAndNoProductButton(ChannelContractTest.Kind kind) {
        Target t = target(kind);
        Notice notice = new Notice(Notice.Kind.SITE_BLOCKED, "coupang", "coupang answered BLOCKED 5 times", false,
                clock.instant());

        Delivery d = dispatcher(t).notice(notice, List.of("main")).get(0);

        assertThat(d.outcome()).isEqualTo(Delivery.Outcome.SENT);
        assertThat(d.attempts()).isEqualTo(1);
        assertThat(d.channel()).isEqualTo("main");
        assertThat(d.watch()).isEqualTo("coupang");
        assertThat(d.detectedAt()).isEqualTo(notice.at());
        String text = kind.http() ? FakeJson.read(t.receiver.last().body()).toString() : consoleText();
        assertThat(text).contains("⚠️ Alimi: site blocked: coupang").contains("coupang answered BLOCKED 5 times")
                .doesNotContain("Buy now").doesNotContain(TestEvents.LINK);
        if (kind.http()) {
            assertThat(t.receiver.received()).hasSize(1);
            assertThat(t.receiver.last().method()).isEqualTo("POST");
        }
    }

    @ParameterizedTest
    @EnumSource(ChannelContractTest.Kind.class)
    void aRecoveryIsTitledAsSuch(ChannelContractTest.Kind kind) {
        Target t = target(kind);
        Notice notice = new Notice(Notice.Kind.CHANNEL_FAILING, "phone", "accepts messages again", true,
                clock.instant());

        Delivery d = dispatcher(t).notice(notice, List.of("main")).get(0);

        assertThat(d.outcome()).isEqualTo(Delivery.Outcome.SENT);
        String text = kind.http() ? FakeJson.read(t.receiver.last().body()).toString() : consoleText();
        assertThat(text).contains("✅ Alimi: channel failing: phone recovered");
    }

    /** A site or watch name with markup and mentions arrives escaped exactly as in alerts. */
    @ParameterizedTest
    @EnumSource(value = ChannelContractTest.Kind.class, mode = EnumSource.Mode.EXCLUDE, names = "CONSOLE")
    void hostileSubjectsAreEscapedAsInAlerts(ChannelContractTest.Kind kind) {
        Target t = target(kind);

        Delivery d = dispatcher(t).notice(failing(HOSTILE, clock.instant()), List.of("main")).get(0);

        assertThat(d.outcome()).isEqualTo(Delivery.Outcome.SENT);
        String body = FakeJson.read(t.receiver.last().body()).toString();
        assertThat(body).contains(FakeJson.MAPPER.valueToTree(kind.escapedHostile).toString()
                .replaceAll("^\"|\"$", ""));
        if (kind == ChannelContractTest.Kind.DISCORD) {
            assertThat(FakeJson.read(t.receiver.last().body()).path("allowed_mentions").path("parse")).isEmpty();
        }
    }

    /** Text that grows when escaped is cut first, so the service's length limit holds and no entity is split. */
    @ParameterizedTest
    @EnumSource(value = ChannelContractTest.Kind.class, mode = EnumSource.Mode.EXCLUDE, names = "CONSOLE")
    void hugeNoticesStayWithinTheServicesLimits(ChannelContractTest.Kind kind) {
        Target t = target(kind);
        Notice huge = new Notice(Notice.Kind.CONFIG_RELOAD_FAILED, "config", "<&>".repeat(5_000), false,
                clock.instant());

        Delivery d = dispatcher(t).notice(huge, List.of("main")).get(0);

        assertThat(d.outcome()).isEqualTo(Delivery.Outcome.SENT);
        com.fasterxml.jackson.databind.JsonNode body = FakeJson.read(t.receiver.last().body());
        switch (kind) {
            case SLACK, SLACK_BOT -> assertThat(body.path("blocks").path(0).path("text").path("text").asText())
                    .hasSizeLessThanOrEqualTo(3_000);
            case DISCORD -> assertThat(body.path("content").asText()).hasSizeLessThanOrEqualTo(2_000);
            case TELEGRAM -> assertThat(body.path("text").asText()).hasSizeLessThanOrEqualTo(4_096).endsWith(";…");
            default -> assertThat(t.receiver.last().body()).hasSizeLessThan(40_000);
        }
    }

    /** The service's own 429 form is obeyed for notices as for alerts. */
    @ParameterizedTest
    @EnumSource(value = ChannelContractTest.Kind.class, mode = EnumSource.Mode.EXCLUDE, names = "CONSOLE")
    void rateLimitedNoticeIsSentNoEarlierThanAnnounced(ChannelContractTest.Kind kind) {
        Target t = target(kind);
        t.receiver.respondNext(kind.rateLimitReply());

        Delivery d = dispatcher(t).notice(failing("KF94", clock.instant()), List.of("main")).get(0);

        assertThat(d.outcome()).isEqualTo(Delivery.Outcome.SENT);
        assertThat(d.attempts()).isEqualTo(2);
        List<FakeReceiver.Request> rs = t.receiver.received();
        assertThat(rs).hasSize(2);
        long announced = kind == ChannelContractTest.Kind.PUSHOVER ? 0 : kind.announcedWait.toNanos();
        assertThat(rs.get(1).arrivedNanos() - rs.get(0).arrivedNanos()).isGreaterThanOrEqualTo(announced);
    }

    @ParameterizedTest
    @EnumSource(value = ChannelContractTest.Kind.class, mode = EnumSource.Mode.EXCLUDE, names = "CONSOLE")
    void serverErrorIsRetriedThenSent(ChannelContractTest.Kind kind) {
        Target t = target(kind);
        t.receiver.respondNext(500, Map.of(), "oops");

        Delivery d = dispatcher(t).notice(failing("KF94", clock.instant()), List.of("main")).get(0);

        assertThat(d.outcome()).isEqualTo(Delivery.Outcome.SENT);
        assertThat(d.attempts()).isEqualTo(2);
    }

    /** A notice has its own TTL: older than an alert may be, still sent; older than the notice TTL, dropped. */
    @ParameterizedTest
    @EnumSource(ChannelContractTest.Kind.class)
    void noticesLiveByTheirOwnTtl(ChannelContractTest.Kind kind) {
        Target t = target(kind);
        Dispatcher dispatcher = dispatcher(t);

        Delivery fresh = dispatcher.notice(failing("KF94", clock.instant().minus(Duration.ofMinutes(10))),
                List.of("main")).get(0);
        Delivery stale = dispatcher.notice(failing("N95", clock.instant().minus(Duration.ofMinutes(61))),
                List.of("main")).get(0);

        assertThat(fresh.outcome()).isEqualTo(Delivery.Outcome.SENT);
        assertThat(stale.outcome()).isEqualTo(Delivery.Outcome.EXPIRED);
        assertThat(stale.attempts()).isZero();
        assertThat(stale.detail()).isEqualTo("older than 1h");
        String text = kind.http() ? t.receiver.received().toString() : consoleText();
        assertThat(text).contains("KF94").doesNotContain("N95");
    }

    @Test
    void noticeTtlIsConfigurable() {
        Target t = target(ChannelContractTest.Kind.CONSOLE);
        Dispatcher dispatcher = new Dispatcher(Map.of("main", t.channel), clock, ALERT_TTL, FAST,
                Dispatcher.DEFAULT_BREAKER_OPEN, Duration.ofMinutes(2));

        Delivery d = dispatcher.notice(failing("KF94", clock.instant().minus(Duration.ofMinutes(3))),
                List.of("main")).get(0);

        assertThat(d.outcome()).isEqualTo(Delivery.Outcome.EXPIRED);
        assertThat(d.detail()).isEqualTo("older than 2m");
    }

    @Test
    void aNoticeGoesToEveryNamedChannelOnceAndUnknownNamesFailAlone() {
        Target a = target(ChannelContractTest.Kind.DISCORD);
        Target b = target(ChannelContractTest.Kind.SLACK);
        Dispatcher dispatcher = new Dispatcher(Map.of("a", a.channel, "b", b.channel), clock, ALERT_TTL, FAST);

        List<Delivery> ds = dispatcher.notice(failing("KF94", clock.instant()), List.of("a", "nope", "b", "a"));

        assertThat(ds).extracting(Delivery::channel).containsExactly("a", "nope", "b");
        assertThat(ds).extracting(Delivery::outcome).containsExactly(Delivery.Outcome.SENT, Delivery.Outcome.FAILED,
                Delivery.Outcome.SENT);
        assertThat(a.receiver.received()).hasSize(1);
        assertThat(b.receiver.received()).hasSize(1);
    }

    @Test
    void consoleLinesHoldNoControlCharacters() {
        Target t = target(ChannelContractTest.Kind.CONSOLE);

        dispatcher(t).notice(failing("evil\u001b[31mname", clock.instant()), List.of("main"));

        assertThat(consoleText()).doesNotContain("\u001b").contains("evil [31mname");
    }

    private record Target(FakeReceiver receiver, Channel channel) {}

    private Target target(ChannelContractTest.Kind kind) {
        if (!kind.http()) {
            return new Target(null, registry.create(ChannelSpec.of("main", "console://"), context));
        }
        FakeReceiver receiver = kind.receiver.get();
        receivers.add(receiver);
        return new Target(receiver, registry.create(receiver.spec("main"), context));
    }

    private Dispatcher dispatcher(Target t) {
        return new Dispatcher(Map.of("main", t.channel), clock, ALERT_TTL, FAST);
    }

    private String consoleText() {
        return consoleBytes.toString(StandardCharsets.UTF_8);
    }
}
