package dev.alimi.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alimi.model.ChannelSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Slack: URL forms, the exact message, escaping, limits, errors and redaction. */
class SlackChannelTest {

    private static final Instant NOW = Instant.parse("2026-08-21T10:00:00Z");

    private final ChannelRegistry registry = ChannelRegistry.standard();
    private final SlackChannelType slack = new SlackChannelType();
    private final ChannelContext context = new ChannelContext(HttpClient.newHttpClient(),
            new PrintStream(new ByteArrayOutputStream()), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(5));
    private final FakeSlack fake = new FakeSlack();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stop() {
        fake.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"slack://T000/B000/XXXX", "SLACK://T000/B000/XXXX", "slack://alimi@T000/B000/XXXX",
            "slack://hook:T000-B000-XXXX@webhook", "https://hooks.slack.com/services/T000/B000/XXXX"})
    void acceptsShortAndRawForms(String url) {
        ChannelSpec spec = ChannelSpec.of("team", url);
        assertThat(slack.accepts(ChannelUrl.parse(url).uri())).isTrue();
        assertThat(registry.problem(spec)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"slack://T000/B9q8", "slack://T000/B9q8/Zsecret/YY", "slack://T000/B9-q8/Zsecret",
            "https://hooks.slack.com/services/T000/B9q8", "https://hooks.slack.com/other/T000/B9q8/Zsecret",
            "slack://hook:T000-B9q8@webhook", "slack://T000/B9q8/Zs%ZZecret"})
    void rejectsMalformedUrlsWithoutShowingThem(String url) {
        assertThat(registry.problem(ChannelSpec.of("team", url))).hasValueSatisfying(p -> assertThat(p)
                .containsIgnoringCase("slack").doesNotContain("Zs").doesNotContain("B9q8").doesNotContain("B9-q8"));
    }

    @Test
    void theSlackPathOnAnotherHostNeedsTheLongForm() {
        String url = fake.webhookUrl().toString();
        assertThat(registry.problem(ChannelSpec.of("team", url)))
                .hasValueSatisfying(p -> assertThat(p).contains("long form"));
        assertThat(registry.problem(new ChannelSpec("team", url, "slack", null, Map.of()))).isEmpty();
    }

    @Test
    void longFormWithTypePostsToThatHost() {
        Channel c = registry.create(new ChannelSpec("team", fake.webhookUrl().toString(), "slack", null, Map.of()),
                context);

        assertThat(c.send(TestEvents.restocked("Widget Pro", NOW))).isEqualTo(new SendResult.Sent(null));
        assertThat(fake.last().path()).isEqualTo(FakeSlack.PATH);
    }

    @Test
    void baseUrlReplacesTheHostAndKeepsThePath() {
        Channel c = registry.create(new ChannelSpec("team", "slack://T1/B2/C3", null, fake.baseUrl(), Map.of()), context);
        c.send(TestEvents.restocked("Widget Pro", NOW));
        assertThat(fake.last().path()).isEqualTo("/services/T1/B2/C3");

        registry.create(new ChannelSpec("team", "https://hooks.slack.com/services/T1/B2/C4", null,
                URI.create(fake.baseUrl() + "/proxy/"), Map.of()), context).send(TestEvents.restocked("W", NOW));
        assertThat(fake.last().path()).isEqualTo("/proxy/services/T1/B2/C4");

        registry.create(new ChannelSpec("team", "slack://hook:T1-B2-C5@webhook", null, fake.baseUrl(), Map.of()),
                context).send(TestEvents.restocked("W", NOW));
        assertThat(fake.last().path()).isEqualTo("/services/T1/B2/C5");
    }

    @Test
    void sendsTheReferenceMessage() throws Exception {
        registry.create(fake.spec("team"), context).send(TestEvents.restocked("Widget Pro", NOW));

        FakeReceiver.Request r = fake.last();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.header("Content-Type")).startsWith("application/json");
        JsonNode body = json.readTree(r.body());
        assertThat(body.get("text").asText()).isEqualTo("Back in stock: Widget Pro – €49.99 (12 left) at ShopX");
        assertThat(body.get("unfurl_links").asBoolean(true)).isFalse();
        assertThat(body.at("/blocks/0/type").asText()).isEqualTo("section");
        assertThat(body.at("/blocks/0/text/type").asText()).isEqualTo("mrkdwn");
        assertThat(body.at("/blocks/0/text/text").asText()).isEqualTo(
                "*<https://shop.example/p/123|Widget Pro>* is back in stock\n*Price:* €49.99 · *Stock:* 12 · *Shop:* ShopX");
        assertThat(body.at("/blocks/1/type").asText()).isEqualTo("actions");
        JsonNode button = body.at("/blocks/1/elements/0");
        assertThat(button.get("type").asText()).isEqualTo("button");
        assertThat(button.at("/text/type").asText()).isEqualTo("plain_text");
        assertThat(button.at("/text/text").asText()).isEqualTo("Buy now");
        assertThat(button.get("url").asText()).isEqualTo("https://shop.example/p/123");
    }

    @Test
    void koreanPriceAndSoldOutWording() throws Exception {
        Channel c = registry.create(fake.spec("team"), context);
        c.send(TestEvents.restocked(TestEvents.watch("KF94 50매", "coupang", "https://www.coupang.com/vp/products/1"),
                new BigDecimal("15900"), "KRW", null, NOW));
        assertThat(json.readTree(fake.last().body()).at("/blocks/0/text/text").asText())
                .endsWith("\n*Price:* 15,900 KRW · *Shop:* coupang");

        c.send(TestEvents.soldOut("Widget Pro", Duration.ofSeconds(42), NOW));
        JsonNode body = json.readTree(fake.last().body());
        assertThat(body.at("/blocks/0/text/text").asText())
                .isEqualTo("*<https://shop.example/p/123|Widget Pro>* sold out again after 42 s\n*Shop:* ShopX");
        assertThat(body.get("blocks")).hasSize(1);
    }

    @Test
    void userTextIsEscapedAndLinksAreEncoded() throws Exception {
        var watch = TestEvents.watch("<!channel> *bold* & <@U123> deal", "A&B <Shop>",
                "https://shop.example/p?a=1&b=2");
        registry.create(fake.spec("team"), context)
                .send(TestEvents.restocked(watch, new BigDecimal("1"), "USD", 1L, NOW));

        JsonNode body = json.readTree(fake.last().body());
        String section = body.at("/blocks/0/text/text").asText();
        assertThat(section).startsWith("*<https://shop.example/p?a=1&b=2|"
                + "&lt;!channel&gt; *bold* &amp; &lt;@U123&gt; deal>* is back in stock");
        assertThat(section).contains("*Shop:* A&amp;B &lt;Shop&gt;");
        assertThat(section).doesNotContain("<!channel>").doesNotContain("<@U123>");
        assertThat(body.get("text").asText()).doesNotContain("<!channel>").contains("&lt;!channel&gt;");
    }

    @Test
    void linkUrlsInMrkdwnAreEncoded() {
        assertThat(SlackMessage.linkUrl("https://shop.example/p?a=1|2&q=x y<z>"))
                .isEqualTo("https://shop.example/p?a=1%7C2&q=x%20y%3Cz%3E");
    }

    @Test
    void longNamesAndLinksStayWithinSlackLimits() throws Exception {
        String name = "&".repeat(10_000);
        String link = "https://shop.example/p/" + "a".repeat(5_000);
        registry.create(fake.spec("team"), context)
                .send(TestEvents.restocked(TestEvents.watch(name, "ShopX", link), BigDecimal.TEN, "EUR", 3L, NOW));

        JsonNode body = json.readTree(fake.last().body());
        assertThat(body.at("/blocks/0/text/text").asText().length()).isLessThanOrEqualTo(3_000);
        assertThat(body.get("text").asText().length()).isLessThanOrEqualTo(4_000);
        assertThat(body.at("/blocks/0/text/text").asText()).doesNotContain(link);
        assertThat(body.get("blocks")).hasSize(1);
    }

    @Test
    void errorDetailsNeverHoldTheToken() {
        fake.respondNext(403, Map.of(), "invalid_token for " + FakeSlack.PATH);
        SendResult r = registry.create(fake.spec("team"), context).send(TestEvents.restocked("W", NOW));

        assertThat(r).isInstanceOfSatisfying(SendResult.Failed.class, f -> {
            assertThat(f.retryable()).isFalse();
            assertThat(f.detail()).startsWith("HTTP 403: invalid_token").doesNotContain(FakeSlack.TOKEN)
                    .doesNotContain(FakeSlack.BOT);
        });
    }

    @Test
    void rateLimitReadsRetryAfterSecondsAndDates() {
        Channel c = registry.create(fake.spec("team"), context);
        fake.respondNext(429, Map.of("Retry-After", "30"), "{\"ok\":false,\"error\":\"rate_limited\"}");
        assertThat(c.send(TestEvents.restocked("W", NOW))).isInstanceOfSatisfying(SendResult.RetryAfter.class,
                r -> assertThat(r.delay()).isEqualTo(Duration.ofSeconds(30)));

        fake.respondNext(429, Map.of("Retry-After", "Fri, 21 Aug 2026 10:00:07 GMT"), "");
        assertThat(c.send(TestEvents.restocked("W", NOW))).isInstanceOfSatisfying(SendResult.RetryAfter.class,
                r -> assertThat(r.delay()).isEqualTo(Duration.ofSeconds(7)));

        fake.respondNext(429, Map.of(), "");
        assertThat(c.send(TestEvents.restocked("W", NOW))).isInstanceOfSatisfying(SendResult.RetryAfter.class,
                r -> assertThat(r.delay()).isEqualTo(Duration.ofSeconds(1)));
    }

    @Test
    void unreachableReceiverIsARetryableFailure() {
        URI closed = fake.baseUrl();
        fake.close();
        SendResult r = registry.create(new ChannelSpec("team", "slack://T1/B2/C3", null, closed, Map.of()), context)
                .send(TestEvents.restocked("W", NOW));
        assertThat(r).isInstanceOfSatisfying(SendResult.Failed.class, f -> {
            assertThat(f.retryable()).isTrue();
            assertThat(f.detail()).doesNotContain("C3");
        });
    }

    @Test
    void aReceiverDrippingItsBodyIsCutOffAtTheTimeout() {
        ChannelContext impatient = new ChannelContext(context.http(), context.console(), context.clock(),
                Duration.ofMillis(500));
        fake.respondNext(FakeReceiver.Reply.stalledBody(200, "ok", Duration.ofSeconds(5)));

        SendResult r = registry.create(fake.spec("team"), impatient).send(TestEvents.restocked("W", NOW));

        assertThat(r).isInstanceOfSatisfying(SendResult.Failed.class, f -> {
            assertThat(f.retryable()).isTrue();
            assertThat(f.detail()).contains("response body not complete");
        });
    }

    @Test
    void redactionKeepsTheTeamAndMasksTheTokens() {
        assertThat(registry.redact(ChannelSpec.of("t", "slack://T000/B000/XXXX"))).isEqualTo("slack://T000/***");
        assertThat(registry.redact(ChannelSpec.of("t", "https://hooks.slack.com/services/T000/B000/XXXX")))
                .isEqualTo("https://hooks.slack.com/services/T000/***");
        assertThat(registry.redact(ChannelSpec.of("t", "slack://hook:T000-B000-XXXX@webhook")))
                .isEqualTo("slack://T000/***");
        assertThat(registry.redact(ChannelSpec.of("t", "slack://T000/B000"))).isEqualTo("slack://***");
    }

    @Test
    void createRefusesAMalformedSpec() {
        assertThatThrownBy(() -> registry.create(ChannelSpec.of("team", "slack://T000/B000"), context))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("channel 'team': slack URL needs three webhook tokens");
    }
}
