package dev.alimi.detect;

import dev.alimi.model.Availability;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.MatchResult;

/**
 * A match of {@code regex} on the raw body means in stock (a numeric group 1 is the quantity, 0
 * meaning out of stock); a match of {@code out-of-stock-regex} means out of stock.
 */
final class RegexSignal implements Signal {

    static final String KIND = "regex";

    private final BoundedRegex inStock;
    private final BoundedRegex outOfStock;

    RegexSignal(String regex, String outOfStockRegex, RegexBudget budget) {
        this.inStock = regex == null ? null : BoundedRegex.compile("regex", regex, budget);
        this.outOfStock = outOfStockRegex == null ? null : BoundedRegex.compile("out-of-stock-regex", outOfStockRegex, budget);
        if (inStock == null && outOfStock == null) throw new IllegalArgumentException("regex signal without a pattern");
    }

    @Override
    public SignalResult read(ParsedPage page) {
        try {
            SignalResult in = inStock == null ? null : readInStock(page.body());
            Optional<MatchResult> out = outOfStock == null ? Optional.empty() : outOfStock.find(page.body());
            if (out.isPresent()) {
                String outEvidence = "out-of-stock-regex " + Evidence.quote(outOfStock.pattern()) + " matched "
                        + Evidence.quote(out.get().group());
                if (in != null && in.availability() == Availability.IN_STOCK) {
                    return SignalResult.unknown(KIND, "conflicting: " + in.evidence() + " and " + outEvidence);
                }
                return new SignalResult(KIND, Availability.OUT_OF_STOCK, in == null ? null : in.quantity(), outEvidence);
            }
            if (in != null) return in;
            return SignalResult.unknown(KIND, "out-of-stock-regex " + Evidence.quote(outOfStock.pattern()) + " did not match");
        } catch (BoundedRegex.TooSlow e) {
            return SignalResult.of(KIND, Availability.ERROR, e.getMessage());
        }
    }

    private SignalResult readInStock(String body) {
        String where = "regex " + Evidence.quote(inStock.pattern());
        Optional<MatchResult> match = inStock.find(body);
        if (match.isEmpty()) return SignalResult.unknown(KIND, where + " did not match");
        MatchResult m = match.get();
        String group = m.groupCount() >= 1 ? m.group(1) : null;
        BigDecimal n = group == null ? null : JsonValues.number(group.replace(",", ""));
        if (n == null) return SignalResult.of(KIND, Availability.IN_STOCK, where + " matched " + Evidence.quote(m.group()));
        Availability availability = n.signum() > 0 ? Availability.IN_STOCK : Availability.OUT_OF_STOCK;
        return new SignalResult(KIND, availability, JsonValues.quantity(n), where + " matched quantity " + n.toPlainString());
    }
}
