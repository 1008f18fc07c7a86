package dev.alimi.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alimi.model.Change;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shared wording of alerts. */
class MessageTextTest {

    private static final Instant NOW = Instant.parse("2026-08-21T10:00:00Z");

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "15900, KRW, '15,900 KRW'", "49.99, EUR, €49.99", "49.9, eur, €49.90", "1234567.5, USD, '$1,234,567.50'",
            "9.99, GBP, £9.99", "1200, JPY, '¥1,200'", "12.5, null, 12.5", "3000, null, '3,000'",
            "19.99, CHF, 19.99 CHF", "7.5, XYZ1, 7.5 XYZ1"})
    void pricesReadAsPeopleWriteThem(String amount, String currency, String expected) {
        assertThat(MessageText.formatPrice(new BigDecimal(amount), currency)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0, 0 s", "42, 42 s", "60, 1 min", "185, 3 min 5 s", "3600, 1 h", "7800, 2 h 10 min"})
    void durations(long seconds, String expected) {
        assertThat(MessageText.formatDuration(Duration.ofSeconds(seconds))).isEqualTo(expected);
    }

    @Test
    void factsOfARestock() {
        MessageText m = MessageText.of(TestEvents.restocked("Widget Pro", NOW));
        assertThat(m).isEqualTo(new MessageText(MessageText.Kind.RESTOCKED, "Widget Pro", "is back in stock", "€49.99",
                "12", "ShopX", "https://shop.example/p/123", NOW));
        assertThat(m.summary()).isEqualTo("Back in stock: Widget Pro – €49.99 (12 left) at ShopX");
    }

    @Test
    void factsOfASellOut() {
        MessageText m = MessageText.of(TestEvents.soldOut("Widget Pro", Duration.ofSeconds(42), NOW));
        assertThat(m.kind()).isEqualTo(MessageText.Kind.SOLD_OUT);
        assertThat(m.summary()).isEqualTo("Widget Pro sold out again after 42 s at ShopX");
    }

    @Test
    void factsOfAChangeShowTheCurrentStateAndWhatChanged() {
        MessageText m = MessageText.of(TestEvents.changed("Widget Pro", NOW));
        assertThat(m).isEqualTo(new MessageText(MessageText.Kind.CHANGED, "Widget Pro",
                "is still in stock: " + TestEvents.CHANGE_TEXT, "€59.99", "3", "ShopX", "https://shop.example/p/123",
                NOW));
        assertThat(m.buyable()).isTrue();
        assertThat(m.summary()).isEqualTo("Widget Pro is still in stock: " + TestEvents.CHANGE_TEXT + " at ShopX");
    }

    @Test
    void eachChangeHasItsWords() {
        assertThat(MessageText.describe(List.of(new Change.Price(new BigDecimal("17900"), new BigDecimal("15900"), "KRW"))))
                .isEqualTo("💸 price now 15,900 KRW (was 17,900 KRW)");
        assertThat(MessageText.describe(List.of(new Change.StockBack(1200, 5))))
                .isEqualTo("📦 back to 1,200 in stock (min-stock 5)");
        assertThat(MessageText.describe(List.of(new Change.LowStock(2, 5)))).isEqualTo("⚠️ only 2 left (under min-stock 5)");
    }

    @Test
    void onlyARestockAndAChangeAreBuyable() {
        assertThat(MessageText.of(TestEvents.restocked("W", NOW)).buyable()).isTrue();
        assertThat(MessageText.of(TestEvents.soldOut("W", Duration.ofSeconds(1), NOW)).buyable()).isFalse();
    }

    @Test
    void truncationNeverSplitsACharacter() {
        assertThat(MessageText.truncate("abc", 3)).isEqualTo("abc");
        assertThat(MessageText.truncate("abcdef", 4)).isEqualTo("abc…");
        assertThat(MessageText.truncate("ab\uD83D\uDE00cd", 4)).isEqualTo("ab…");
        assertThat(MessageText.truncate(null, 4)).isNull();
    }
}
