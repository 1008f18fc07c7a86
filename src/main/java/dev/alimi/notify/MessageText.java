package dev.alimi.notify;

import dev.alimi.model.Change;
import dev.alimi.model.Observation;
import dev.alimi.model.StockEvent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The plain facts of one alert, already worded, for channels to format in their own markup. Values are
 * raw user text (not escaped); absent facts are null.
 *
 * @param kind       what happened
 * @param name       the watch's name
 * @param headline   what happened, after the name ("is back in stock", "sold out again after 42 s",
 *                   "is still in stock: 💸 price now 17,900 KRW (was 15,900 KRW)")
 * @param price      the price with its currency ("15,900 KRW", "€49.99"), or null
 * @param quantity   units in stock ("12"), or null
 * @param site       the shop's name, or null
 * @param link       the page people should open, or null
 * @param observedAt when the observation behind the alert was made
 */
public record MessageText(Kind kind, String name, String headline, String price, String quantity, String site,
        String link, Instant observedAt) {

    /** What an alert says happened: a restock, its end, or a change while it goes on (still buyable). */
    public enum Kind { RESTOCKED, SOLD_OUT, CHANGED }

    private static final Map<String, String> SYMBOLS = Map.of("EUR", "€", "USD", "$", "GBP", "£", "JPY", "¥");

    public MessageText {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(observedAt, "observedAt");
    }

    /** The facts of a stock event. */
    public static MessageText of(StockEvent event) {
        Observation o = event.observation();
        String link = event.watch().buyUrl() == null ? null : event.watch().buyUrl().toString();
        String price = o.price() == null ? null : formatPrice(o.price(), o.currency());
        String quantity = o.quantity() == null ? null : String.format(Locale.ROOT, "%,d", o.quantity());
        return switch (event) {
            case StockEvent.Restocked r -> new MessageText(Kind.RESTOCKED, r.watch().name(), "is back in stock",
                    price, quantity, r.watch().site(), link, o.observedAt());
            case StockEvent.SoldOut s -> new MessageText(Kind.SOLD_OUT, s.watch().name(),
                    "sold out again after " + formatDuration(s.buyableFor()), price, null, s.watch().site(), link,
                    o.observedAt());
            case StockEvent.Changed c -> new MessageText(Kind.CHANGED, c.watch().name(),
                    "is still in stock: " + describe(c.what()), price, quantity, c.watch().site(), link, o.observedAt());
        };
    }

    /** "💸 price now 17,900 KRW (was 15,900 KRW) · ⚠️ only 2 left (under min-stock 5)". */
    public static String describe(List<Change> what) {
        List<String> parts = new ArrayList<>(what.size());
        for (Change change : what) {
            parts.add(switch (change) {
                case Change.Price p -> "💸 price now " + formatPrice(p.now(), p.currency()) + " (was "
                        + formatPrice(p.was(), p.currency()) + ")";
                case Change.LowStock l -> "⚠️ only " + String.format(Locale.ROOT, "%,d", l.quantity())
                        + " left (under min-stock " + l.minStock() + ")";
                case Change.StockBack b -> "📦 back to " + String.format(Locale.ROOT, "%,d", b.quantity())
                        + " in stock (min-stock " + b.minStock() + ")";
            });
        }
        return String.join(" · ", parts);
    }

    /** True while the product can be bought: the message should offer to buy it and show its price and stock. */
    public boolean buyable() {
        return switch (kind) {
            case RESTOCKED, CHANGED -> true;
            case SOLD_OUT -> false;
        };
    }

    /**
     * One plain line: "Back in stock: Widget Pro – €49.99 (12 left) at ShopX", "Widget Pro sold out again after 42 s
     * at ShopX", "Widget Pro is still in stock: ⚠️ only 2 left (under min-stock 5) at ShopX".
     */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        switch (kind) {
            case RESTOCKED -> {
                sb.append("Back in stock: ").append(name);
                if (price != null) {
                    sb.append(" – ").append(price);
                }
                if (quantity != null) {
                    sb.append(" (").append(quantity).append(" left)");
                }
            }
            case SOLD_OUT, CHANGED -> sb.append(name).append(' ').append(headline);
        }
        if (site != null) {
            sb.append(" at ").append(site);
        }
        return sb.toString();
    }

    /**
     * A price as people read it: a symbol in front for €, $, £ and ¥, else the ISO code after the amount;
     * the currency's usual number of decimals, grouped by thousands.
     */
    public static String formatPrice(BigDecimal amount, String currency) {
        String code = currency == null ? null : currency.strip().toUpperCase(Locale.ROOT);
        int digits = fractionDigits(amount, code);
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        format.setRoundingMode(RoundingMode.HALF_UP);
        String number = format.format(amount);
        if (code == null || code.isEmpty()) {
            return number;
        }
        String symbol = SYMBOLS.get(code);
        return symbol != null ? symbol + number : number + " " + code;
    }

    private static int fractionDigits(BigDecimal amount, String code) {
        if (code != null) {
            try {
                int d = Currency.getInstance(code).getDefaultFractionDigits();
                if (d >= 0) {
                    return d;
                }
            } catch (IllegalArgumentException unknownCode) {
                // not an ISO code: fall through to the amount's own decimals
            }
        }
        return Math.min(Math.max(amount.stripTrailingZeros().scale(), 0), 4);
    }

    /** "42 s", "3 min 5 s", "2 h 10 min". */
    public static String formatDuration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s % 60 == 0 ? s / 60 + " min" : s / 60 + " min " + s % 60 + " s";
        }
        long minutes = (s % 3600) / 60;
        return minutes == 0 ? s / 3600 + " h" : s / 3600 + " h " + minutes + " min";
    }

    /** The text cut to at most {@code max} UTF-16 characters, ending in "…" when cut; never splits a pair. */
    public static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Math.max(0, max - 1);
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
