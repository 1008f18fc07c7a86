package dev.alimi.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import dev.alimi.model.ChannelSpec;
import dev.alimi.model.Delivery;
import dev.alimi.model.Notice;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The MQTT channel against the real Mosquitto broker on 127.0.0.1:1883: skipped when it is not running,
 * except with {@code ALIMI_REQUIRE_SERVICES=1}, where its absence fails the test.
 */
class MqttChannelTest {

    private static final String BROKER = "127.0.0.1";
    private static final int PORT = 1883;
    private final Clock clock = Clock.systemUTC();
    private final ChannelContext context = new ChannelContext(HttpClient.newHttpClient(),
            new PrintStream(new ByteArrayOutputStream()), clock, Duration.ofSeconds(3));
    private final ChannelRegistry registry = ChannelRegistry.standard();
    private final String topic = "alimi-test/" + UUID.randomUUID();
    private final LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private Mqtt3AsyncClient subscriber;

    private static boolean brokerUp() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(BROKER, PORT), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void requireBroker() {
        if (!brokerUp()) {
            String why = "no MQTT broker (Mosquitto) on " + BROKER + ":" + PORT;
            if ("1".equals(System.getenv("ALIMI_REQUIRE_SERVICES"))) {
                throw new AssertionError(why + ", and ALIMI_REQUIRE_SERVICES=1 requires it");
            }
            Assumptions.abort(why + "; start it to run this test");
        }
    }

    @BeforeEach
    void subscribe() throws Exception {
        requireBroker();
        subscriber = MqttClient.builder().useMqttVersion3().identifier("alimi-test-" + UUID.randomUUID())
                .serverHost(BROKER).serverPort(PORT).buildAsync();
        subscriber.connect().get(5, TimeUnit.SECONDS);
        subscriber.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE)
                .callback(p -> messages.add(new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8)))
                .send().get(5, TimeUnit.SECONDS);
    }

    @AfterEach
    void disconnect() {
        if (subscriber != null) {
            subscriber.disconnect();
        }
    }

    @Test
    void anAlertIsPublishedAsAJsonStateHomeAssistantCanUse() throws Exception {
        Channel channel = registry.create(ChannelSpec.of("home", "mqtt://" + BROKER + ":" + PORT + "/" + topic), context);
        try {
            Delivery d = new Dispatcher(Map.of("home", channel), clock, Duration.ofMinutes(1), Backoff.DEFAULT)
                    .dispatch(TestEvents.restocked(ContractNames.HOSTILE, clock.instant()), List.of("home")).get(0);
            assertThat(d.outcome()).isEqualTo(Delivery.Outcome.SENT);
            JsonNode m = FakeJson.read(messages.poll(5, TimeUnit.SECONDS));
            assertThat(m.path("event").asText()).isEqualTo("restocked");
            assertThat(m.path("state").asText()).isEqualTo("in_stock");
            assertThat(m.path("product").asText()).isEqualTo(ContractNames.HOSTILE);
            assertThat(m.path("price").asText()).isEqualTo("49.99");
            assertThat(m.path("currency").asText()).isEqualTo("EUR");
            assertThat(m.path("stock").asLong()).isEqualTo(12);
            assertThat(m.path("url").asText()).isEqualTo(TestEvents.LINK);

            // the connection stays open: the next alert goes out on it
            assertThat(channel.send(TestEvents.soldOut("Widget Pro", Duration.ofSeconds(42), clock.instant())))
                    .isInstanceOf(SendResult.Sent.class);
            JsonNode soldOut = FakeJson.read(messages.poll(5, TimeUnit.SECONDS));
            assertThat(soldOut.path("state").asText()).isEqualTo("out_of_stock");
            assertThat(soldOut.path("buyable_seconds").asLong()).isEqualTo(42);

            assertThat(channel.send(TestEvents.changed("Widget Pro", clock.instant()))).isInstanceOf(SendResult.Sent.class);
            JsonNode changed = FakeJson.read(messages.poll(5, TimeUnit.SECONDS));
            assertThat(changed.path("event").asText()).isEqualTo("changed");
            assertThat(changed.path("state").asText()).as("still buyable").isEqualTo("in_stock");
            assertThat(changed.path("price").asText()).isEqualTo("59.99");
            assertThat(changed.path("change").asText()).isEqualTo(TestEvents.CHANGE_TEXT);
        } finally {
            ((AutoCloseable) channel).close();
        }
    }

    @Test
    void aNoticeIsPublishedAsAnEventAutomationsCanTellFromStockStates() throws Exception {
        Channel channel = registry.create(ChannelSpec.of("home", "mqtt://" + BROKER + ":" + PORT + "/" + topic), context);
        try {
            Notice notice = new Notice(Notice.Kind.SITE_BLOCKED, "coupang", "blocked 5 times", true, clock.instant());
            Delivery d = new Dispatcher(Map.of("home", channel), clock, Duration.ofMinutes(1), Backoff.DEFAULT)
                    .notice(notice, List.of("home")).get(0);
            assertThat(d.outcome()).isEqualTo(Delivery.Outcome.SENT);
            JsonNode m = FakeJson.read(messages.poll(5, TimeUnit.SECONDS));
            assertThat(m.path("event").asText()).isEqualTo("notice");
            assertThat(m.path("kind").asText()).isEqualTo("SITE_BLOCKED");
            assertThat(m.path("subject").asText()).isEqualTo("coupang");
            assertThat(m.path("recovered").asBoolean()).isTrue();
            assertThat(m.path("title").asText()).isEqualTo("✅ Alimi: site blocked: coupang recovered");
            assertThat(m.path("text").asText()).isEqualTo("blocked 5 times");
            assertThat(m.has("state")).isFalse();
        } finally {
            ((AutoCloseable) channel).close();
        }
    }

    @Test
    void aBrokerThatIsDownIsARetryableFailure() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Channel channel = registry.create(ChannelSpec.of("home", "mqtt://user:pw-secret@127.0.0.1:" + port + "/t"),
                context);
        SendResult r = channel.send(TestEvents.restocked("Widget Pro", clock.instant()));
        assertThat(r).isInstanceOfSatisfying(SendResult.Failed.class, f -> {
            assertThat(f.retryable()).isTrue();
            assertThat(f.detail()).contains("127.0.0.1:" + port).doesNotContain("pw-secret");
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            mqtt://broker.lan/restock/alerts                    | mqtt://broker.lan:1883/restock/alerts
            mqtts://ha:pw@broker.lan:8884/ha/alimi?qos=2&retain=yes | mqtts://ha:***@broker.lan:8884/ha/alimi
            mqtts://broker.lan/t?disabletls=yes&clientid=alimi1  | mqtt://broker.lan:1883/t
            """)
    void appriseAndShoutrrrFormsAreAcceptedAndShownMasked(String url, String shown) {
        assertThat(registry.problem(ChannelSpec.of("m", url))).isEmpty();
        assertThat(registry.redact(ChannelSpec.of("m", url))).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            mqtt://broker.lan                | names no topic
            mqtt://broker.lan/a/+            | wildcards
            mqtt://broker.lan/t?qos=3        | qos must be 0, 1 or 2
            """)
    void badFormsSayWhatIsExpected(String url, String message) {
        assertThat(registry.problem(ChannelSpec.of("m", url))).hasValueSatisfying(p -> assertThat(p).contains(message));
    }
}
