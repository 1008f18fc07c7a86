package dev.alimi.detect;

import dev.alimi.model.Availability;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The metadata part of {@code auto}: JSON-LD, then microdata, then OpenGraph; the first that
 * states an availability decides. The price is the product's own offer's (JSON-LD); without one,
 * microdata's or OpenGraph's when they agree on the currency, else none.
 */
final class StructuredData {

    private StructuredData() {}

    /**
     * The metadata's finding; UNKNOWN (possibly with a price) when no metadata states availability.
     * {@code preorder}: the watch counts pre-orders and back-orders as in stock.
     */
    static Finding read(ParsedPage page, boolean preorder) {
        List<Finding> found = new ArrayList<>();
        JsonLdReader.read(page, preorder).ifPresent(found::add);
        MicrodataReader.read(page, preorder).ifPresent(found::add);
        OpenGraphReader.read(page, preorder).ifPresent(found::add);
        Optional<Finding> decided = found.stream().filter(Finding::decisive).findFirst();
        PriceChoice price = price(found);
        if (decided.isPresent()) {
            Finding f = decided.get();
            String evidence = price.note() == null ? f.evidence() : f.evidence() + "; " + price.note();
            return f.withPrice(price.price()).withEvidence(evidence);
        }
        String none = found.isEmpty() ? "no json-ld, microdata or OpenGraph product data"
                : "product metadata states no availability";
        return new Finding("metadata", Availability.UNKNOWN, null, price.price(), price.note() == null ? none : none + "; " + price.note());
    }

    /**
     * A chosen price and a note on where it came from or why there is none.
     *
     * @param price the price, or null
     * @param note  evidence, or null
     */
    record PriceChoice(Price price, String note) {}

    static PriceChoice price(List<Finding> found) {
        List<Finding> priced = found.stream().filter(f -> f.price() != null).toList();
        if (priced.isEmpty()) return new PriceChoice(null, null);
        Finding own = priced.stream().filter(f -> f.detector().equals(JsonLdReader.KIND)).findFirst().orElse(null);
        if (own != null) return new PriceChoice(own.price(), "price " + show(own.price()) + " from the json-ld offer");
        List<String> currencies = priced.stream().map(f -> f.price().currency()).filter(Objects::nonNull).distinct().toList();
        if (currencies.size() > 1) {
            return new PriceChoice(null, "no price: metadata disagrees on the currency " + currencies);
        }
        Finding first = priced.getFirst();
        return new PriceChoice(first.price(), "price " + show(first.price()) + " from " + first.detector());
    }

    static String show(Price price) {
        return price.amount().toPlainString() + (price.currency() == null ? "" : " " + price.currency());
    }
}
