package dev.alimi.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alimi.model.ChannelSpec;
import dev.alimi.model.Delivery;
import dev.alimi.model.StockEvent;
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
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The same delivery cases for every registered channel type, through the registry and the dispatcher,
 * against real loopback receivers. Console takes part where a case applies to it (no HTTP status).
 */
class ChannelContractTest {

    /**
     * Every HTTP channel type of {@link ChannelRegistry#standard()} with its receiver, the service's own 429
     * reply and the least wait that reply announces, and the escaped form of {@link #HOSTILE} it must carry.
     * Email and MQTT speak other protocols; {@code EmailChannelTest} and {@code MqttChannelTest} hold their
     * contract.
     */
    enum Kind {
        SLACK(FakeSlack::new, FakeReceiver.Reply.of(429, Map.of("Retry-After", "1"), "{\"ok\":false}"),
                Duration.ofSeconds(1), "&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;"),
        SLACK_BOT(FakeSlackApi::new, FakeReceiver.Reply.of(429, Map.of("Retry-After", "1", "Content-Type",
                "application/json"), "{\"ok\":false,\"error\":\"ratelimited\"}"), Duration.ofSeconds(1),
                "&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;"),
        DISCORD(FakeDiscord::new, FakeReceiver.Reply.of(429, Map.of("Content-Type", "application/json"),
                "{\"message\":\"You are being rate limited.\",\"retry_after\":0.2,\"global\":false}"),
                Duration.ofMillis(200), "@\u200Beveryone \\*\\_x\\_\\*"),
        TELEGRAM(FakeTelegram::new, FakeReceiver.Reply.of(429, Map.of("Content-Type", "application/json"),
                FakeTelegram.RATE_LIMITED), Duration.ofSeconds(1), "&lt;b&gt;Tom &amp; Jerry&lt;/b&gt; @everyone *_x_*"),
        NTFY(FakeNtfy::new, FakeReceiver.Reply.of(429, Map.of("Content-Type", "application/json"),
                FakeNtfy.RATE_LIMITED), NtfyChannel.REFILL, HOSTILE_RAW),
        WEBHOOK(FakeWebhook::new, FakeReceiver.Reply.of(429, Map.of("Retry-After", "1"), ""), Duration.ofSeconds(1),
                HOSTILE_RAW),
        PUSHOVER(FakePushover::new, null, Duration.ofSeconds(1), HOSTILE_RAW),
        GOTIFY(FakeGotify::new, FakeReceiver.Reply.of(429, Map.of("Retry-After", "1"), ""), Duration.ofSeconds(1),
                "\\<b\\>Tom \\& Jerry\\</b\\> @everyone \\*\\_x\\_\\*"),
        TEAMS(FakeTeams::new, FakeReceiver.Reply.of(429, Map.of("Retry-After", "1"), ""), Duration.ofSeconds(1),
                "Tom \\& Jerry"),
        CONSOLE(null, null, null, null);

        final Supplier<FakeReceiver> receiver;
        final FakeReceiver.Reply rateLimited;
        final Duration announcedWait;
        final String escapedHostile;

        Kind(Supplier<FakeReceiver> receiver, FakeReceiver.Reply rateLimited, Duration announcedWait,
                String escapedHostile) {
            this.receiver = receiver;
            this.rateLimited = rateLimited;
            this.announcedWait = announcedWait;
            this.escapedHostile = escapedHostile;
        }

        boolean http() {
            return receiver != null;
        }

        /** The service's own 429: Pushover's reset time is absolute, so it is made when needed. */
        FakeReceiver.Reply rateLimitReply() {
            return this == PUSHOVER ? FakePushover.quotaExceeded(Instant.now().getEpochSecond() + 1) : rateLimited;
        }
    }

    private static final String HOSTILE = ContractNames.HOSTILE;
    private static final String HOSTILE_RAW = ContractNames.HOSTILE;

    private static final Duration TTL = Duration.ofMinutes(5);
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

    /** Every type in the standard registry is covered by this contract. */
    @Test
    void everyRegisteredTypeIsInTheContract() {
        java.util.Set<String> covered = new java.util.TreeSet<>(java.util.Set.of("email", "mqtt"));
        for (Kind k : Kind.values()) {
            covered.add(k.name().toLowerCase(java.util.Locale.ROOT).replace("_bot", ""));
        }
        assertThat(registry.types()).containsExactlyInAnyOrderElementsOf(covered);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void success(Kind kind) {
        Target t = target(kind, "main");
        StockEvent event = TestEvents.restocked("Widget Pro", clock.instant());

        Delivery d = dispatcher(Map.of("main", t.channel), TTL).dispatch(event, List.of("main")).get(0);

        assertThat(d.outcome()).isEqualTo(Delivery.Outcome.SENT);
        assertThat(d.attempts()).isEqualTo(1);
        assertThat(d.channel()).isEqualTo("main");
        assertThat(d.watch()).isEqualTo("Widget Pro");
        assertThat(d.detectedAt()).isEqualTo(event.observation().observedAt());
        assertThat(d.sentAt()).isAfterOrEqualTo(d.detectedAt());
        assertThat(d.detail()).isNull();
        switch (kind) {
            case SLACK, TEAMS, CONSOLE -> assertThat(d.messageId()).isNull();
            case DISCORD -> assertThat(d.messageId()).isEqualTo(Long.toString(FakeDiscord.FIRST_MESSAGE_ID));
            case SLACK_BOT -> assertThat(d.messageId()).isEqualTo(FakeSlackApi.FIRST_TS);
            case TELEGRAM -> assertThat(d.messageId()).isEqualTo(Long.toString(FakeTelegram.FIRST_MESSAGE_ID));
            case NTFY -> assertThat(d.messageId()).isEqualTo("msg1");
            case GOTIFY -> assertThat(d.messageId()).isEqualTo("1");
            case WEBHOOK -> assertThat(d.messageId()).startsWith("msg_");
            case PUSHOVER -> assertThat(d.messageId()).matches("[0-9a-f-]{36}");
        }
        if (kind.http()) {
            assertThat(t.receiver.received()).hasSize(1);
            assertThat(t.receiver.last().method()).isEqualTo("POST");
            assertThat(t.receiver.last().body()).contains("Widget Pro");
        } else {
            assertThat(consoleText()).contains("Widget Pro").contains("€49.99").contains("12 left");
        }
    }

    /** The header wins where the service's own 429 form is a body field or another header. */
    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"DISCORD", "TELEGRAM", "PUSHOVER"})
    void rateLimitedWithRetryAfterHeaderThenSent(Kind kind) {
        Target t = target(kind, "main");
        t.receiver.respondNext(429, Map.of("Retry-After", "1"), "{}");

        Delivery d = dispatcher(Map.of("main", t.channel), TTL)
                .dispatch(TestEvents.restocked("Widget Pro", clock.instant()), List.of("main")).get(0);

        assertThat(d.outcome()).isEqualTo(Delivery.Outcome.SENT);
        assertThat(d.attempts()).isEqualTo(2);
        assertThat(t.receiver.received()).hasSize(2);
    }

    /** Each service's own 429 (its field, its unit): the next request comes no earlier than announced. */
    @ParameterizedTest
    @EnumSource(value = Kind.class, mode = EnumSource.Mode.EXCLUDE, names = "CONSOLE")
    void rateLimitedInTheServicesOwnFormThenSentNoEarlierThanAnnounced(Kind kind) {
        Target t = target(kind, "main");
        t.receiver.respondNext(kind.rateLimitReply());

        Delivery d = dispatcher(Map.of("main", t.channel), TTL)
                .dispatch(TestEvents.restocked("Widget Pro", clock.instant()), List.of("main")).get(0);

        assertThat(d.outcome()).isEqualTo(Delivery.Outcome.SENT);
        assertThat(d.attempts()).isEqualTo(2);
        List<FakeReceiver.Request> rs = t.receiver.received();
        assertThat(rs).hasSize(2);
        long waitedNanos = rs.get(1).arrivedNanos() - rs.get(0).arrivedNanos();
        long announced = kind == Kind.PUSHOVER ? 0 : kind.announcedWait.toNanos();
        assertThat(waitedNanos).isGreaterThanOrEqualTo(announced);
    }

    /** Markup and mentions in a product name arrive escaped the service's way, and the service accepts them. */
    @ParameterizedTest
    @EnumSource(value = Kind.class, mode = EnumSource.Mode.EXCLUDE, names = "CONSOLE")
    void hostileNamesAreEscapedForTheService(Kind kind) {
        Target t = target(kind, "main");

        Delivery d = dispatcher(Map.of("main", t.channel), TTL)
                .dispatch(TestEvents.restocked(HOSTILE, clock.instant()), List.of("main")).get(0);

        assertThat(d.outcome()).isEqualTo(Delivery.Outcome.SENT);
        assertThat(FakeJson.read(t.receiver.last().body()).toString()).contains(
                FakeJson.MAPPER.valueToTree(kind.escapedHostile).toString().replaceAll("^\"|\"$", ""));
    }

    /** No printout of a channel (redacted URL, failure details) shows a secret of its URL. */
    @ParameterizedTest
    @EnumSource(value = Kind.class, mode = EnumSource.Mode.EXCLUDE, names = "CONSOLE")
    void secretsNeverShowInPrintouts(Kind kind) {
        Target t = target(kind, "main");
        ChannelSpec spec = spec(kind, t.receiver, "main");
        String echo = "{\"error\":\"you sent " + spec.url() + "\"}";
        t.receiver.respondNext(400, Map.of(), echo);

        Delivery d = dispatcher(Map.of("main", t.channel), TTL)
                .dispatch(TestEvents.restocked("Widget Pro", clock.instant()), List.of("main")).get(0);

        String shown = registry.redact(spec) + "\n" + d.detail();
        for (String secret : secretsOf(kind)) {
            assertThat(shown).as("printout of %s", kind).doesNotContain(secret);
        }
        assertThat(shown).contains("***");
    }

    private static List<String> secretsOf(Kind kind) {
        return switch (kind) {
            case SLACK -> List.of(FakeSlack.TOKEN);
            case SLACK_BOT -> List.of(FakeSlackApi.TOKEN.substring(5));
            case DISCORD -> List.of(FakeDiscord.TOKEN);
            case TELEGRAM -> List.of(FakeTelegram.TOKEN.substring(FakeTelegram.TOKEN.indexOf(':') + 1));
            case NTFY -> List.of(FakeNtfy.TOKEN);
            case WEBHOOK -> List.of(FakeWebhook.SECRET, "alimi-secretpath");
            case PUSHOVER -> List.of(FakePushover.USER, FakePushover.TOKEN);
            case GOTIFY -> List.of(FakeGotify.TOKEN);
            case TEAMS -> List.of(FakeTeams.SIG, FakeTeams.WORKFLOW);
            case CONSOLE -> List.of();
        };
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, mode = EnumSource.Mode.EXCLUDE, names = "CONSOLE")
    void serverErrorIsRetriedThenSent(Kind kind) {
        Target t = target(kind, "main");
        t.receiver.respondNext(500, Map.of(), "rollup_error");

        Delivery d = dispatcher(Map.of("main", t.channel), TTL)
                .dispatch(TestEvents.restocked("Widget Pro", clock.instant()), List.of("main")).get(0);

        assertThat(d.outcome()).isEqualTo(Delivery.Outcome.SENT);
        assertThat(d.attempts()).isEqualTo(2);
        assertThat(t.receiver.received()).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, mode = EnumSource.Mode.EXCLUDE, names = "CONSOLE")
    void slowReceiverTimesOutAndIsRetried(Kind kind) {
        FakeReceiver receiver = kind.receiver.get();
        receivers.add(receiver);
        ChannelContext impatient = new ChannelContext(context.http(), context.console(), clock, Duration.ofMillis(300));
        Channel channel = registry.create(spec(kind, receiver, "main"), impatient);
        receiver.respondNext(FakeReceiver.Reply.defaultAfter(Duration.ofMillis(1500)));

        Delivery d = dispatcher(Map.of("main", channel), TTL)
                .dispatch(TestEvents.restocked("Widget Pro", clock.instant()), List.of("main")).get(0);

        assertThat(d.outcome()).isEqualTo(Delivery.Outcome.SENT);
        // on a loaded machine a later attempt may time out too; what matters is that timeouts are retried
        assertThat(d.attempts()).isGreaterThanOrEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, mode = EnumSource.Mode.EXCLUDE, names = "CONSOLE")
    void clientErrorIsNotRetried(Kind kind) {
        Target t = target(kind, "main");
        t.receiver.respondNext(400, Map.of(), "invalid_payload");

        Delivery d = dispatcher(Map.of("main", t.channel), TTL)
                .dispatch(TestEvents.restocked("Widget Pro", clock.instant()), List.of("main")).get(0);

        assertThat(d.outcome()).isEqualTo(Delivery.Outcome.FAILED);
        assertThat(d.attempts()).isEqualTo(1);
        assertThat(d.detail()).contains("400").contains("invalid_payload");
        assertThat(d.messageId()).isNull();
        assertThat(t.receiver.received()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, mode = EnumSource.Mode.EXCLUDE, names = "CONSOLE")
    void rateLimitLongerThanTheTtlDropsTheAlert(Kind kind) {
        Target t = target(kind, "main");
        t.receiver.respondNext(429, Map.of("Retry-After", "2"), "{}");

        Delivery d = dispatcher(Map.of("main", t.channel), Duration.ofMillis(1500))
                .dispatch(TestEvents.restocked("Widget Pro", clock.instant()), List.of("main")).get(0);

        assertThat(d.outcome()).isEqualTo(Delivery.Outcome.EXPIRED);
        assertThat(d.attempts()).isEqualTo(1);
        assertThat(d.detail()).isEqualTo("older than 1500ms");
        assertThat(d.messageId()).isNull();
        assertThat(t.receiver.received()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void alertAlreadyOlderThanTheTtlIsNeverSent(Kind kind) {
        Target t = target(kind, "main");
        StockEvent old = TestEvents.restocked("Widget Pro", clock.instant().minus(Duration.ofMinutes(6)));

        Delivery d = dispatcher(Map.of("main", t.channel), TTL).dispatch(old, List.of("main")).get(0);

        assertThat(d.outcome()).isEqualTo(Delivery.Outcome.EXPIRED);
        assertThat(d.attempts()).isZero();
        assertThat(d.detail()).isEqualTo("older than 5m");
        if (kind.http()) {
            assertThat(t.receiver.received()).isEmpty();
        } else {
            assertThat(consoleText()).isEmpty();
        }
    }

    /** Each receiver holds its answer until the other has been asked: only parallel sends can both succeed. */
    @ParameterizedTest
    @EnumSource(value = Kind.class, mode = EnumSource.Mode.EXCLUDE, names = "CONSOLE")
    void dispatchesToTwoChannelsInParallel(Kind kind) {
        Target a = target(kind, "a");
        Target b = target(kind, "b");
        CountDownLatch aAsked = a.receiver.latchForRequests(1);
        CountDownLatch bAsked = b.receiver.latchForRequests(1);
        a.receiver.respondNext(FakeReceiver.Reply.defaultAfter(bAsked));
        b.receiver.respondNext(FakeReceiver.Reply.defaultAfter(aAsked));
        ChannelContext patient = new ChannelContext(context.http(), context.console(), clock, Duration.ofSeconds(30));
        Map<String, Channel> channels = Map.of(
                "a", registry.create(spec(kind, a.receiver, "a"), patient),
                "b", registry.create(spec(kind, b.receiver, "b"), patient));

        List<Delivery> ds = dispatcher(channels, TTL)
                .dispatch(TestEvents.restocked("Widget Pro", clock.instant()), List.of("a", "b"));

        assertThat(ds).extracting(Delivery::channel).containsExactly("a", "b");
        assertThat(ds).extracting(Delivery::outcome).containsOnly(Delivery.Outcome.SENT);
        assertThat(ds).extracting(Delivery::attempts).containsOnly(1);
    }

    @Test
    void unknownChannelNameFailsOnlyThatDelivery() {
        Target t = target(Kind.CONSOLE, "console");

        List<Delivery> ds = dispatcher(Map.of("console", t.channel), TTL)
                .dispatch(TestEvents.restocked("Widget Pro", clock.instant()), List.of("nope", "console"));

        assertThat(ds.get(0).outcome()).isEqualTo(Delivery.Outcome.FAILED);
        assertThat(ds.get(0).attempts()).isZero();
        assertThat(ds.get(0).detail()).isEqualTo("unknown channel 'nope'");
        assertThat(ds.get(1).outcome()).isEqualTo(Delivery.Outcome.SENT);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void soldOutIsSentToo(Kind kind) {
        Target t = target(kind, "main");

        Delivery d = dispatcher(Map.of("main", t.channel), TTL)
                .dispatch(TestEvents.soldOut("Widget Pro", Duration.ofSeconds(42), clock.instant()), List.of("main"))
                .get(0);

        assertThat(d.outcome()).isEqualTo(Delivery.Outcome.SENT);
        String text = kind.http() ? t.receiver.last().body() : consoleText();
        assertThat(text).contains("sold out again after 42 s");
    }

    /** A change update (a reply, or what an edit shows) says what changed and still offers the product, its price and link. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void aChangeIsSentWithWhatChangedAndTheCurrentFacts(Kind kind) {
        Target t = target(kind, "main");

        Delivery d = dispatcher(Map.of("main", t.channel), TTL)
                .dispatch(TestEvents.changed("Widget Pro", clock.instant()), List.of("main")).get(0);

        assertThat(d.outcome()).isEqualTo(Delivery.Outcome.SENT);
        // services with markdown escape the brackets and dots of the words; the words themselves must arrive
        String text = (kind.http() ? t.receiver.last().body() : consoleText()).replace("\\", "");
        assertThat(text).contains("Widget Pro").contains("price now €59.99 (was €49.99)").contains("only 3 left")
                .doesNotContain("sold out");
        if (kind.http()) {
            assertThat(text).contains(TestEvents.LINK);
        } else {
            assertThat(text).startsWith("CHANGED").contains("3 left");
        }
    }

    private record Target(FakeReceiver receiver, Channel channel) {}

    private Target target(Kind kind, String name) {
        if (!kind.http()) {
            return new Target(null, registry.create(ChannelSpec.of(name, "console://"), context));
        }
        FakeReceiver receiver = kind.receiver.get();
        receivers.add(receiver);
        return new Target(receiver, registry.create(spec(kind, receiver, name), context));
    }

    private static ChannelSpec spec(Kind kind, FakeReceiver receiver, String name) {
        return kind.http() ? receiver.spec(name) : ChannelSpec.of(name, "console://");
    }

    private Dispatcher dispatcher(Map<String, Channel> channels, Duration ttl) {
        return new Dispatcher(channels, clock, ttl, FAST);
    }

    private String consoleText() {
        return consoleBytes.toString(StandardCharsets.UTF_8);
    }
}
