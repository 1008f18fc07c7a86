package dev.alimi.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alimi.model.ChannelSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The console channel prints one readable line per alert. */
class ConsoleChannelTest {

    private static final Instant NOW = Instant.parse("2026-08-21T10:00:00Z");

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ChannelContext context = new ChannelContext(HttpClient.newHttpClient(),
            new PrintStream(bytes, true, StandardCharsets.UTF_8), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(1));
    private final ChannelRegistry registry = ChannelRegistry.standard();

    @Test
    void printsNamePriceQuantitySiteAndLinkOnOneLine() {
        Channel c = registry.create(ChannelSpec.of("local", "console://"), context);

        assertThat(c.send(TestEvents.restocked("Widget Pro", NOW))).isEqualTo(new SendResult.Sent(null));
        assertThat(c.name()).isEqualTo("local");
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .isEqualTo("IN STOCK  Widget Pro · €49.99 · 12 left · ShopX · https://shop.example/p/123"
                        + System.lineSeparator());
    }

    @Test
    void soldOutAndControlCharacters() {
        Channel c = registry.create(ChannelSpec.of("local", "console://"), context);
        c.send(TestEvents.soldOut("Bad\u001b[31mName\n", Duration.ofSeconds(42), NOW));
        c.send(TestEvents.restocked(TestEvents.watch("KF94", "coupang", "https://www.coupang.com/vp/products/1"),
                new BigDecimal("15900"), "KRW", null, NOW));

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "SOLD OUT  Bad [31mName  sold out again after 42 s · ShopX · https://shop.example/p/123",
                "IN STOCK  KF94 · 15,900 KRW · coupang · https://www.coupang.com/vp/products/1");
    }

    @Test
    void onlyConsoleUrlsAreConsoleChannels() {
        ConsoleChannelType console = new ConsoleChannelType();
        assertThat(registry.problem(ChannelSpec.of("c", "console:"))).isEmpty();
        assertThat(console.problem(ChannelSpec.of("c", "slack://a/b/c"))).isPresent();
        assertThat(registry.redact(ChannelSpec.of("c", "console://"))).isEqualTo("console://");
    }
}
