package dev.alimi.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alimi.model.ChannelSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Discord: URL forms, the exact message, escaping and mentions, limits, message ids, 429 and redaction. */
class DiscordChannelTest {

    private static final Instant NOW = Instant.parse("2026-08-21T10:00:00Z");
    private static final String ID = FakeDiscord.WEBHOOK_ID;
    private static final String TOKEN = FakeDiscord.TOKEN;

    private final ChannelRegistry registry = ChannelRegistry.standard();
    private final DiscordChannelType discord = new DiscordChannelType();
    private final ChannelContext context = new ChannelContext(HttpClient.newHttpClient(),
            new PrintStream(new ByteArrayOutputStream()), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(5));
    private final FakeDiscord fake = new FakeDiscord();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stop() {
        fake.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"discord://" + ID + "/" + TOKEN, "discord://alimi@" + ID + "/" + TOKEN,
            "discord://" + TOKEN + "@" + ID, "https://discord.com/api/webhooks/" + ID + "/" + TOKEN,
            "https://discordapp.com/api/webhooks/" + ID + "/" + TOKEN,
            "https://canary.discord.com/api/v10/webhooks/" + ID + "/" + TOKEN + "?thread_id=5"})
    void acceptsShortAndRawFormsAndPostsToTheSameWebhook(String url) {
        ChannelSpec spec = new ChannelSpec("friends", url, null, fake.baseUrl(), Map.of());
        assertThat(discord.accepts(ChannelUrl.parse(url).uri())).isTrue();
        assertThat(registry.problem(spec)).isEmpty();

        SendResult r = registry.create(spec, context).send(TestEvents.restocked("Widget Pro", NOW));

        assertThat(r).isInstanceOf(SendResult.Sent.class);
        assertThat(fake.last().path()).endsWith("/webhooks/" + ID + "/" + TOKEN);
        assertThat(fake.last().query()).contains("wait=true");
    }

    @ParameterizedTest
    @ValueSource(strings = {"discord://abc/Zsecret", "discord://" + ID, "discord://" + ID + "/Zsecret/extra",
            "discord://" + ID + "/Zs$ecret", "https://discord.com/api/webhooks/" + ID,
            "https://discord.com/api/channels/" + ID + "/Zsecret"})
    void rejectsMalformedUrlsWithoutShowingThem(String url) {
        assertThat(registry.problem(ChannelSpec.of("friends", url))).hasValueSatisfying(
                p -> assertThat(p).containsIgnoringCase("discord").doesNotContain("Zs"));
    }

    @Test
    void aWebhookPathOnAnotherHostNeedsTheLongForm() {
        String url = fake.webhookUrl().toString();
        assertThat(registry.problem(ChannelSpec.of("friends", url)))
                .hasValueSatisfying(p -> assertThat(p).contains("long form").doesNotContain(TOKEN));

        Channel c = registry.create(new ChannelSpec("friends", url, "discord", null, Map.of()), context);
        assertThat(c.send(TestEvents.restocked("Widget Pro", NOW))).isInstanceOf(SendResult.Sent.class);
        assertThat(fake.last().path()).isEqualTo(FakeDiscord.PATH);
    }

    @Test
    void longFormWithPlainHttpAndShortPath() {
        String url = fake.baseUrl() + "/api/webhooks/1/abc";
        registry.create(new ChannelSpec("local", url, "discord", null, Map.of()), context)
                .send(TestEvents.restocked("W", NOW));
        assertThat(fake.last().path()).isEqualTo("/api/webhooks/1/abc");
        assertThat(fake.last().query()).isEqualTo("wait=true");
    }

    @Test
    void baseUrlReplacesTheHostOfTheShortForm() {
        registry.create(new ChannelSpec("local", "discord://1/abc", null, fake.baseUrl(), Map.of()), context)
                .send(TestEvents.restocked("W", NOW));
        assertThat(fake.last().path()).isEqualTo("/api/webhooks/1/abc");
    }

    @Test
    void threadAndSenderNameAreKept() throws Exception {
        registry.create(new ChannelSpec("t", "discord://Alimi@" + ID + "/" + TOKEN + "?thread=77", null,
                fake.baseUrl(), Map.of()), context).send(TestEvents.restocked("W", NOW));
        assertThat(fake.last().query()).isEqualTo("thread_id=77&wait=true");
        assertThat(json.readTree(fake.last().body()).get("username").asText()).isEqualTo("Alimi");
    }

    @Test
    void sendsTheReferenceMessageWithTheRequiredHeaders() throws Exception {
        SendResult r = registry.create(fake.spec("friends"), context).send(TestEvents.restocked("Widget Pro", NOW));

        assertThat(r).isEqualTo(new SendResult.Sent(Long.toString(FakeDiscord.FIRST_MESSAGE_ID)));
        FakeReceiver.Request req = fake.last();
        assertThat(req.header("Content-Type")).startsWith("application/json");
        assertThat(req.header("User-Agent")).isEqualTo("DiscordBot (https://github.com/alimi, 0.1)");
        JsonNode body = json.readTree(req.body());
        assertThat(body.get("content").asText()).isEqualTo("Back in stock: **Widget Pro**");
        assertThat(body.at("/allowed_mentions/parse").isArray()).isTrue();
        assertThat(body.at("/allowed_mentions/parse")).isEmpty();
        assertThat(body.get("embeds")).hasSize(1);
        JsonNode embed = body.at("/embeds/0");
        assertThat(embed.get("title").asText()).isEqualTo("Widget Pro");
        assertThat(embed.get("url").asText()).isEqualTo("https://shop.example/p/123");
        assertThat(embed.get("description").asText()).isEqualTo("Back in stock at ShopX");
        assertThat(embed.get("color").asInt()).isEqualTo(5763719);
        assertThat(embed.get("timestamp").asText()).isEqualTo("2026-08-21T10:00:00Z");
        assertThat(embed.get("fields")).hasSize(3);
        assertThat(embed.at("/fields/0/name").asText()).isEqualTo("Price");
        assertThat(embed.at("/fields/0/value").asText()).isEqualTo("€49.99");
        assertThat(embed.at("/fields/1/name").asText()).isEqualTo("Stock");
        assertThat(embed.at("/fields/1/value").asText()).isEqualTo("12");
        assertThat(embed.at("/fields/2/name").asText()).isEqualTo("Shop");
        assertThat(embed.at("/fields/2/value").asText()).isEqualTo("ShopX");
        assertThat(embed.findValues("inline")).allMatch(JsonNode::asBoolean);
    }

    @Test
    void eachMessageGetsItsOwnId() {
        Channel c = registry.create(fake.spec("friends"), context);
        SendResult first = c.send(TestEvents.restocked("A", NOW));
        SendResult second = c.send(TestEvents.soldOut("A", Duration.ofSeconds(42), NOW));
        assertThat(first).isEqualTo(new SendResult.Sent(Long.toString(FakeDiscord.FIRST_MESSAGE_ID)));
        assertThat(second).isEqualTo(new SendResult.Sent(Long.toString(FakeDiscord.FIRST_MESSAGE_ID + 1)));
    }

    @Test
    void soldOutWording() throws Exception {
        registry.create(fake.spec("friends"), context).send(TestEvents.soldOut("Widget Pro", Duration.ofSeconds(42), NOW));
        JsonNode body = json.readTree(fake.last().body());
        assertThat(body.get("content").asText()).isEqualTo("**Widget Pro** sold out again after 42 s");
        assertThat(body.at("/embeds/0/description").asText()).isEqualTo("Sold out again after 42 s");
        assertThat(body.at("/embeds/0/color").asInt()).isEqualTo(DiscordMessage.RED);
        assertThat(body.at("/allowed_mentions/parse")).isEmpty();
    }

    @Test
    void changeWordingKeepsThePriceStockAndLink() throws Exception {
        registry.create(fake.spec("friends"), context).send(TestEvents.changed("Widget Pro", NOW));
        JsonNode body = json.readTree(fake.last().body());
        assertThat(body.get("content").asText()).isEqualTo("**Widget Pro** is still in stock: 💸 price now €59.99 \\(was"
                + " €49.99\\) · ⚠️ only 3 left \\(under min\\-stock 5\\)");
        assertThat(body.at("/embeds/0/description").asText()).startsWith("Is still in stock: 💸 price now €59.99");
        assertThat(body.at("/embeds/0/color").asInt()).isEqualTo(DiscordMessage.YELLOW);
        assertThat(body.at("/embeds/0/url").asText()).isEqualTo(TestEvents.LINK);
        assertThat(body.at("/embeds/0/fields/0/value").asText()).isEqualTo("€59.99");
        assertThat(body.at("/embeds/0/fields/1/value").asText()).isEqualTo("3");
    }

    @Test
    void userTextIsEscapedAndMentionsAreOff() throws Exception {
        var watch = TestEvents.watch("@everyone *bold* <@123> __x__ [a](b) @here", "@here shop", TestEvents.LINK);
        registry.create(fake.spec("friends"), context)
                .send(TestEvents.restocked(watch, BigDecimal.ONE, "USD", 2L, NOW));

        JsonNode body = json.readTree(fake.last().body());
        String content = body.get("content").asText();
        assertThat(content).isEqualTo("Back in stock: **@\u200Beveryone \\*bold\\* <@123\\> \\_\\_x\\_\\_ "
                + "\\[a\\]\\(b\\) @\u200Bhere**");
        assertThat(content).doesNotContain("@everyone").doesNotContain("@here").doesNotContain("*bold*");
        assertThat(body.at("/allowed_mentions/parse")).isEmpty();
        assertThat(body.at("/embeds/0/fields/2/value").asText()).isEqualTo("@\u200Bhere shop");
    }

    @Test
    void longTextIsCutToDiscordLimits() throws Exception {
        String name = "*".repeat(5_000);
        String site = "s".repeat(5_000);
        registry.create(fake.spec("friends"), context).send(
                TestEvents.restocked(TestEvents.watch(name, site, TestEvents.LINK), BigDecimal.TEN, "EUR", 1L, NOW));

        JsonNode body = json.readTree(fake.last().body());
        assertThat(body.get("content").asText().length()).isLessThanOrEqualTo(2_000);
        JsonNode embed = body.at("/embeds/0");
        assertThat(embed.get("title").asText()).hasSize(256).endsWith("…");
        assertThat(embed.get("description").asText().length()).isLessThanOrEqualTo(4_096);
        int total = embed.get("title").asText().length() + embed.get("description").asText().length();
        for (JsonNode f : embed.get("fields")) {
            assertThat(f.get("value").asText().length()).isLessThanOrEqualTo(1_024);
            total += f.get("name").asText().length() + f.get("value").asText().length();
        }
        assertThat(total).isLessThanOrEqualTo(6_000);
    }

    @Test
    void rateLimitBodyGivesFloatSecondsWhenTheHeaderIsMissing() {
        Channel c = registry.create(fake.spec("friends"), context);
        fake.respondNext(429, Map.of("Content-Type", "application/json"),
                "{\"message\":\"You are being rate limited.\",\"retry_after\":64.57,\"global\":false}");
        assertThat(c.send(TestEvents.restocked("W", NOW))).isInstanceOfSatisfying(SendResult.RetryAfter.class,
                r -> assertThat(r.delay()).isEqualTo(Duration.ofMillis(64_570)));

        fake.respondNext(429, Map.of("Retry-After", "65"), "{\"retry_after\":64.57}");
        assertThat(c.send(TestEvents.restocked("W", NOW))).isInstanceOfSatisfying(SendResult.RetryAfter.class,
                r -> assertThat(r.delay()).isEqualTo(Duration.ofSeconds(65)));

        fake.respondNext(429, Map.of(), "<html>banned</html>");
        assertThat(c.send(TestEvents.restocked("W", NOW))).isInstanceOfSatisfying(SendResult.RetryAfter.class,
                r -> assertThat(r.delay()).isEqualTo(Duration.ofSeconds(1)));
    }

    @CsvSource({"400, false", "401, false", "404, false", "500, true", "502, true"})
    @ParameterizedTest
    void statusesMapToFailures(int status, boolean retryable) {
        fake.respondNext(status, Map.of(), "{\"code\":10015,\"message\":\"Unknown Webhook " + TOKEN + "\"}");
        SendResult r = registry.create(fake.spec("friends"), context).send(TestEvents.restocked("W", NOW));
        assertThat(r).isInstanceOfSatisfying(SendResult.Failed.class, f -> {
            assertThat(f.retryable()).isEqualTo(retryable);
            assertThat(f.detail()).startsWith("HTTP " + status + ":").contains("10015").doesNotContain(TOKEN);
        });
    }

    @Test
    void aHugeErrorBodyIsReadOnlyInPart() {
        fake.respondNext(400, Map.of(), "x".repeat(8 * 1024 * 1024));
        SendResult r = registry.create(fake.spec("friends"), context).send(TestEvents.restocked("W", NOW));
        assertThat(r).isInstanceOfSatisfying(SendResult.Failed.class,
                f -> assertThat(f.detail()).startsWith("HTTP 400: xxx").hasSizeLessThan(220));
    }

    @Test
    void redactionKeepsTheIdAndMasksTheToken() {
        assertThat(registry.redact(ChannelSpec.of("f", "discord://" + ID + "/" + TOKEN)))
                .isEqualTo("discord://" + ID + "/***");
        assertThat(registry.redact(ChannelSpec.of("f", "discord://" + TOKEN + "@" + ID)))
                .isEqualTo("discord://" + ID + "/***");
        assertThat(registry.redact(ChannelSpec.of("f", "https://discordapp.com/api/webhooks/" + ID + "/" + TOKEN)))
                .isEqualTo("https://discordapp.com/api/webhooks/" + ID + "/***");
        assertThat(registry.redact(new ChannelSpec("f", fake.webhookUrl().toString(), "discord", null, Map.of())))
                .isEqualTo(fake.baseUrl() + "/api/webhooks/" + ID + "/***");
        assertThat(registry.redact(ChannelSpec.of("f", "discord://x/" + TOKEN))).doesNotContain(TOKEN);
    }

    /** A role option pings that role only; the product name's own mentions stay inert. */
    @Test
    void aRoleIsTheOnlyMentionAllowed() {
        ChannelSpec base = fake.spec("d");
        ChannelSpec spec = new ChannelSpec("d", base.url(), null, base.baseUrl(), Map.of("role", "998877665544"));

        assertThat(registry.create(spec, context).send(TestEvents.restocked(ContractNames.HOSTILE, NOW)))
                .isInstanceOf(SendResult.Sent.class);

        var body = FakeJson.read(fake.last().body());
        assertThat(body.path("content").asText()).startsWith("<@&998877665544> Back in stock");
        assertThat(body.path("allowed_mentions").toString()).isEqualTo("{\"parse\":[],\"roles\":[\"998877665544\"]}");
        assertThat(registry.problem(new ChannelSpec("d", base.url(), null, null, Map.of("role", "@everyone"))))
                .hasValueSatisfying(p -> assertThat(p).contains("role's id"));
    }
}
