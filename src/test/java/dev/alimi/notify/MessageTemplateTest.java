package dev.alimi.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alimi.model.ChannelSpec;
import dev.alimi.model.StockEvent;
import dev.alimi.model.Watch;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The {@code template} option: every token, and each service's escaping of the values (not of the template). */
class MessageTemplateTest {

    private static final Instant AT = Instant.parse("2026-08-21T10:00:00.250Z");
    private static final String ALL = "{name}|{site}|{url}|{price}|{unit_price}|{quantity}|{detected}|{window}|{change}";

    private final Clock clock = Clock.systemUTC();
    private final ChannelContext context = new ChannelContext(HttpClient.newHttpClient(),
            new PrintStream(new ByteArrayOutputStream()), clock, Duration.ofSeconds(5));
    private final ChannelRegistry registry = ChannelRegistry.standard();

    private static StockEvent.Restocked masks(String name) {
        Watch w = new Watch(name, "coupang", URI.create("https://shop.example/p/1"), null, null, null, null, null, null,
                null, 50, List.of());
        return TestEvents.restocked(w, new BigDecimal("15900"), "KRW", 12L, AT);
    }

    @Test
    void everyTokenIsFilled() {
        String out = new MessageTemplate(ALL).render(masks("KF94 50-pack"), s -> s, s -> s);
        assertThat(out).isEqualTo(
                "KF94 50-pack|coupang|https://shop.example/p/1|15,900 KRW|318 KRW|12|2026-08-21T10:00:00Z||");
        String soldOut = new MessageTemplate("{name} gone after {window}{price}")
                .render(TestEvents.soldOut("W", Duration.ofSeconds(42), AT), s -> s, s -> s);
        assertThat(soldOut).isEqualTo("W gone after 42 s");
        String changed = new MessageTemplate("{name}: {change}{window}").render(TestEvents.changed("W", AT), s -> s, s -> s);
        assertThat(changed).isEqualTo("W: " + TestEvents.CHANGE_TEXT);
    }

    @Test
    void unknownTokensAndEmptyTemplatesAreRefused() {
        assertThatThrownBy(() -> new MessageTemplate("{nmae}")).hasMessageContaining("unknown token {nmae}");
        assertThatThrownBy(() -> new MessageTemplate("x".repeat(MessageTemplate.MAX_LENGTH + 1)))
                .hasMessageContaining("longer than");
        assertThat(new MessageTemplate("{{name}} and {}").render(masks("A"), s -> s, s -> s)).isEqualTo("{A} and {}");
    }

    /** The template's own markup stays; values are escaped for the service and the service accepts the result. */
    @Test
    void valuesAreEscapedPerServiceAndReceiversAcceptTheText() {
        String template = "<b>{name}</b> at {site}: {price} <a href=\"{url}\">buy</a>";
        try (FakeTelegram telegram = new FakeTelegram(); FakeSlack slack = new FakeSlack();
                FakeGotify gotify = new FakeGotify(); FakeNtfy ntfy = new FakeNtfy()) {
            JsonNode tg = sendThrough(telegram, template, b -> b);
            assertThat(tg.path("text").asText()).isEqualTo("<b>&lt;b&gt;Tom &amp; Jerry&lt;/b&gt; @everyone *_x_*</b>"
                    + " at coupang: 15,900 KRW <a href=\"https://shop.example/p/1\">buy</a>");

            JsonNode sl = sendThrough(slack, "*{name}* <{url}|Buy>", b -> b);
            assertThat(sl.path("text").asText())
                    .isEqualTo("*&lt;b&gt;Tom &amp; Jerry&lt;/b&gt; @everyone *_x_** <https://shop.example/p/1|Buy>");

            JsonNode go = sendThrough(gotify, "**{name}** [buy]({url})", b -> b);
            assertThat(go.path("message").asText())
                    .isEqualTo("**\\<b\\>Tom \\& Jerry\\</b\\> @everyone \\*\\_x\\_\\*** [buy](https://shop.example/p/1)");

            JsonNode nt = sendThrough(ntfy, "{name} {unit_price}/unit", b -> b);
            assertThat(nt.path("message").asText()).isEqualTo(ContractNames.HOSTILE + " 318 KRW/unit");
        }
    }

    private JsonNode sendThrough(FakeReceiver receiver, String template, Function<JsonNode, JsonNode> pick) {
        ChannelSpec base = receiver.spec("t");
        ChannelSpec spec = new ChannelSpec("t", base.url(), base.type(), base.baseUrl(), Map.of("template", template));
        assertThat(registry.problem(spec)).isEmpty();
        SendResult r = registry.create(spec, context).send(masks(ContractNames.HOSTILE));
        assertThat(r).isInstanceOf(SendResult.Sent.class);
        return pick.apply(FakeJson.read(receiver.last().body()));
    }
}
