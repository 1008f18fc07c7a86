package dev.alimi.detect;

import dev.alimi.model.ValueSelector;
import java.util.Optional;

/** Reads a watch's price where its rule says; a price that cannot be read is a note, never a failure. */
final class PriceReader {

    private final ValueReader reader;
    private final PriceParser parser = new PriceParser();

    PriceReader(ValueSelector selector, RegexBudget budget) {
        this.reader = new ValueReader("price", selector, budget);
    }

    /**
     * The price, or why there is none.
     *
     * @param price the price read, or null
     * @param note  evidence about a price that could not be read, or null
     */
    record Outcome(Price price, String note) {}

    Outcome read(ParsedPage page) {
        JsonValues.Read read;
        try {
            read = reader.read(page);
        } catch (BoundedRegex.TooSlow e) {
            return new Outcome(null, "price " + e.getMessage());
        }
        if (read.problem() != null) return new Outcome(null, "price " + reader.where() + " " + read.problem());
        Object value = read.values().getFirst();
        Optional<Price> price = value instanceof Number
                ? Optional.ofNullable(JsonValues.number(value)).map(n -> new Price(n, null))
                : parser.parse(String.valueOf(value));
        return price.map(p -> new Outcome(p, null))
                .orElseGet(() -> new Outcome(null, "price " + reader.where() + " " + Evidence.quote(value)
                        + " is not a price"));
    }
}
