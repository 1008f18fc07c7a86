package dev.alimi.detect;

import dev.alimi.model.Availability;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A schema.org / OpenGraph availability value in any of its spellings
 * ({@code https://schema.org/InStock}, {@code http:\/\/schema.org\/InStock}, {@code InStock},
 * {@code instock}, {@code in stock}, {@code oos}) and what it means for buying online now.
 *
 * <p>InStoreOnly is out of stock: the product cannot be bought online, which is what a watch
 * alerts for. PreOrder, PreSale and BackOrder are out of stock unless the watch says
 * {@code preorder: true} ({@link #parse(String, boolean)}), and keep their own name in the evidence.
 *
 * @param term         the canonical schema.org name
 * @param availability what it means for an alert
 */
record StockTerm(String term, Availability availability) {

    private static final Map<String, StockTerm> TERMS = Map.ofEntries(
            in("InStock", "instock"),
            in("LimitedAvailability", "limitedavailability"),
            in("OnlineOnly", "onlineonly"),
            in("MadeToOrder", "madetoorder"),
            out("InStoreOnly", "instoreonly"),
            out("OutOfStock", "outofstock"),
            out("OutOfStock", "oos"),
            out("SoldOut", "soldout"),
            out("Discontinued", "discontinued"),
            out("Reserved", "reserved"),
            out("PreOrder", "preorder"),
            out("PreSale", "presale"),
            out("BackOrder", "backorder"),
            out("BackOrder", "availablefororder"));

    private static Map.Entry<String, StockTerm> in(String term, String key) {
        return Map.entry(key, new StockTerm(term, Availability.IN_STOCK));
    }

    private static Map.Entry<String, StockTerm> out(String term, String key) {
        return Map.entry(key, new StockTerm(term, Availability.OUT_OF_STOCK));
    }

    /** The term a value spells, or empty for values that say nothing about stock. */
    static Optional<StockTerm> parse(String value) {
        if (value == null) return Optional.empty();
        String t = value.strip();
        if (t.length() > 200) return Optional.empty();
        t = t.replace("\\/", "/");
        int slash = t.lastIndexOf('/');
        if (slash >= 0) t = t.substring(slash + 1);
        int colon = t.lastIndexOf(':');
        if (colon >= 0) t = t.substring(colon + 1);
        StringBuilder key = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isLetter(c)) key.append(Character.toLowerCase(c));
        }
        return Optional.ofNullable(TERMS.get(key.toString().toLowerCase(Locale.ROOT)));
    }

    /** The term a value spells, pre-orders and back-orders counted as in stock when {@code preorder} is true. */
    static Optional<StockTerm> parse(String value, boolean preorder) {
        return parse(value).map(t -> preorder && t.isAdvanceOrder() ? new StockTerm(t.term, Availability.IN_STOCK) : t);
    }

    /** What an advance-order term means for a watch, for evidence: names the term and the setting. */
    static String advanceNote(String term, boolean preorder) {
        return preorder ? " (" + term + ": in stock because the watch says preorder: true)"
                : " (" + term + ": out of stock unless the watch says preorder: true)";
    }

    /** True for terms that are their own kind of "not now": pre-orders and back-orders. */
    boolean isAdvanceOrder() {
        return term.equals("PreOrder") || term.equals("PreSale") || term.equals("BackOrder");
    }

    /** Evidence for this term read from {@code where}. */
    String describe(String where, String raw) {
        String note = isAdvanceOrder() ? advanceNote(term, availability == Availability.IN_STOCK)
                : term.equals("InStoreOnly") ? " (in store only: cannot be bought online)" : "";
        return where + " " + Evidence.quote(raw) + note;
    }
}
