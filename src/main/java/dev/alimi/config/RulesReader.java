package dev.alimi.config;

import dev.alimi.model.BlackoutWindow;
import dev.alimi.model.Rules;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads the alert-rule keys that watches, sites and routes share; unset keys stay null. */
final class RulesReader {

    static final List<String> KEYS = List.of("min-stock", "require-quantity", "max-price", "max-unit-price", "units",
            "blackout", "requires-signup", "cooldown", "price-change");
    static final String PRICE_CHANGE_EXPECTED = "expected a percentage like 10% (0 to 1000%; 0 or off: no price updates)";

    private final NodeReader reader;

    RulesReader(NodeReader reader) {
        this.reader = reader;
    }

    Rules read(Section s) {
        Duration cooldown = s.has("cooldown") ? s.duration("cooldown", null) : null;
        return new Rules(
                s.has("min-stock") ? s.integer("min-stock", 1, Integer.MAX_VALUE) : null,
                s.has("require-quantity") ? s.bool("require-quantity", false) : null,
                s.has("max-price") ? s.positiveDecimal("max-price") : null,
                s.has("max-unit-price") ? s.positiveDecimal("max-unit-price") : null,
                s.has("units") ? s.integer("units", 1, Integer.MAX_VALUE) : null,
                s.has("blackout") ? blackout(s) : null,
                s.has("requires-signup") ? s.bool("requires-signup", false) : null,
                cooldown,
                s.has("price-change") ? priceChange(s) : null);
    }

    /** {@code price-change: 10%} (the % may be left out); {@code off} or 0 switches price updates off. */
    private BigDecimal priceChange(Section s) {
        Scalar v = s.scalar("price-change", PRICE_CHANGE_EXPECTED);
        if (v == null) return null;
        String text = v.value().strip();
        if (text.equalsIgnoreCase("off") || text.equalsIgnoreCase("false")) return BigDecimal.ZERO;
        if (text.endsWith("%")) text = text.substring(0, text.length() - 1).strip();
        try {
            BigDecimal percent = new BigDecimal(text);
            if (percent.signum() >= 0 && percent.compareTo(BigDecimal.valueOf(1000)) <= 0) {
                return percent.signum() == 0 ? BigDecimal.ZERO : percent;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        reader.error(v.node(), v.path(), PRICE_CHANGE_EXPECTED);
        return null;
    }

    /** The windows as written, each checked now so that a bad one stops the config instead of a check. */
    private List<String> blackout(Section s) {
        List<Scalar> values = s.scalars("blackout");
        if (values == null) return null;
        List<String> out = new ArrayList<>();
        for (Scalar v : values) {
            try {
                BlackoutWindow.parse(v.value());
                out.add(v.value().strip());
            } catch (IllegalArgumentException e) {
                reader.error(v.node(), v.path(), e.getMessage());
            }
        }
        return out;
    }

    /** {@code confirm-in} / {@code confirm-out}: how many observations in a row make a change, 1 to 10. */
    static int confirm(Section s, String key, int fallback) {
        if (!s.has(key)) return fallback;
        Integer n = s.integer(key, 1, 10);
        return n == null ? fallback : n;
    }
}
