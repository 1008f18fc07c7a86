package dev.alimi.detect;

import dev.alimi.model.Availability;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Availability from a JSON value: a quantity (number or numeric string, summed over a wildcard
 * path), or a boolean.
 */
final class JsonPathSignal implements Signal {

    static final String KIND = "json-path";

    private final JsonValues path;

    JsonPathSignal(String jsonPath) {
        this.path = JsonValues.compile("json-path", jsonPath);
    }

    @Override
    public SignalResult read(ParsedPage page) {
        String where = "json-path " + path.source();
        JsonValues.Read read = path.read(page);
        if (read.problem() != null) return SignalResult.unknown(KIND, where + " " + read.problem());
        List<Object> values = read.values();
        if (values.stream().allMatch(JsonPathSignal::isBoolean)) return fromBooleans(where, values);
        BigDecimal sum = BigDecimal.ZERO;
        for (Object value : values) {
            BigDecimal n = JsonValues.number(value);
            if (n == null) {
                return SignalResult.unknown(KIND, where + " = " + Evidence.quote(value)
                        + " is neither a number nor a boolean");
            }
            sum = sum.add(n);
        }
        long quantity = JsonValues.quantity(sum);
        String shown = values.size() == 1 ? sum.toPlainString() : sum.toPlainString() + " (sum of " + values.size() + ")";
        Availability availability = sum.signum() > 0 ? Availability.IN_STOCK : Availability.OUT_OF_STOCK;
        return new SignalResult(KIND, availability, quantity, where + " = " + shown);
    }

    private static boolean isBoolean(Object value) {
        if (value instanceof Boolean) return true;
        if (value instanceof String s) {
            String t = s.strip().toLowerCase(Locale.ROOT);
            return t.equals("true") || t.equals("false");
        }
        return false;
    }

    /** Any true means some listed item can be bought. */
    private static SignalResult fromBooleans(String where, List<Object> values) {
        long trues = values.stream().filter(v -> Boolean.parseBoolean(v.toString().strip())).count();
        String shown = values.size() == 1 ? String.valueOf(values.getFirst()) : trues + " of " + values.size() + " true";
        return SignalResult.of(KIND, trues > 0 ? Availability.IN_STOCK : Availability.OUT_OF_STOCK, where + " = " + shown);
    }
}
