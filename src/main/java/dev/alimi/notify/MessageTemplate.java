package dev.alimi.notify;

import dev.alimi.model.ChannelSpec;
import dev.alimi.model.Observation;
import dev.alimi.model.StockEvent;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A channel's own wording of an alert, from its {@code template} option: text with {@code {name}},
 * {@code {site}}, {@code {url}}, {@code {price}}, {@code {unit_price}}, {@code {quantity}}, {@code {detected}}
 * {@code {window}} (how long it was buyable, at a sell-out) and {@code {change}} (what changed, in a change
 * update). The template is the author's markup; only the values are escaped for the service.
 *
 * @param text the template as written
 */
record MessageTemplate(String text) {

    /** The tokens a template may use. */
    static final List<String> TOKENS =
            List.of("name", "site", "url", "price", "unit_price", "quantity", "detected", "window", "change");
    static final int MAX_LENGTH = 2_000;
    private static final Pattern TOKEN = Pattern.compile("\\{([A-Za-z_]+)}");

    MessageTemplate {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("template is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("template is longer than " + MAX_LENGTH + " characters");
        }
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            if (!TOKENS.contains(m.group(1))) {
                throw new IllegalArgumentException("template has an unknown token {" + m.group(1) + "}; known: {"
                        + String.join("}, {", TOKENS) + "}");
            }
        }
    }

    /** The spec's {@code template} option, checked; empty when it has none. */
    static Optional<MessageTemplate> of(ChannelSpec spec) {
        String t = spec.options().get("template");
        return t == null ? Optional.empty() : Optional.of(new MessageTemplate(t));
    }

    /** The text with every token replaced: {@code escape} for user text, {@code escapeUrl} for the link. */
    String render(StockEvent event, UnaryOperator<String> escape, UnaryOperator<String> escapeUrl) {
        Map<String, String> values = values(event);
        Matcher m = TOKEN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.getOrDefault(m.group(1), "");
            String escaped = m.group(1).equals("url") ? escapeUrl.apply(v) : escape.apply(v);
            m.appendReplacement(out, Matcher.quoteReplacement(escaped));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The token values of an event as plain text; absent facts are empty. */
    static Map<String, String> values(StockEvent event) {
        MessageText t = MessageText.of(event);
        Observation o = event.observation();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("name", t.name());
        v.put("site", t.site() == null ? "" : t.site());
        v.put("url", t.link() == null ? "" : t.link());
        v.put("price", t.price() == null ? "" : t.price());
        Integer units = event.watch().units();
        v.put("unit_price", o.price() == null || units == null || units <= 0 ? ""
                : MessageText.formatPrice(o.price().divide(BigDecimal.valueOf(units), MathContext.DECIMAL64),
                        o.currency()));
        v.put("quantity", o.quantity() == null ? "" : String.valueOf(o.quantity()));
        v.put("detected", DateTimeFormatter.ISO_INSTANT.format(o.observedAt().truncatedTo(ChronoUnit.SECONDS)));
        v.put("window", event instanceof StockEvent.SoldOut s ? MessageText.formatDuration(s.buyableFor()) : "");
        v.put("change", event instanceof StockEvent.Changed c ? MessageText.describe(c.what()) : "");
        return v;
    }
}
