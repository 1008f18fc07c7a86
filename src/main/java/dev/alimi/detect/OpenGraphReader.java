package dev.alimi.detect;

import dev.alimi.model.Availability;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** OpenGraph product tags: {@code og:availability} / {@code product:availability} and the price pair. */
final class OpenGraphReader {

    static final String KIND = "opengraph";

    private OpenGraphReader() {}

    static Optional<Finding> read(ParsedPage page) {
        Document doc = page.html();
        Availability seen = null;
        String evidence = null;
        for (String key : new String[] {"og:availability", "product:availability"}) {
            Element meta = meta(doc, key);
            if (meta == null) continue;
            String raw = meta.attr("content");
            Optional<StockTerm> term = StockTerm.parse(raw);
            if (term.isPresent()) {
                seen = term.get().availability();
                evidence = term.get().describe("<meta property=" + key + ">", raw);
                break;
            }
        }
        Price price = price(doc, "product:price");
        if (price == null) price = price(doc, "og:price");
        if (seen == null && price == null) return Optional.empty();
        if (seen == null) return Optional.of(new Finding(KIND, Availability.UNKNOWN, null, price, "OpenGraph states no availability"));
        return Optional.of(new Finding(KIND, seen, null, price, evidence));
    }

    private static Element meta(Document doc, String key) {
        Element meta = doc.selectFirst("meta[property=\"" + key + "\"]");
        return meta != null ? meta : doc.selectFirst("meta[name=\"" + key + "\"]");
    }

    private static Price price(Document doc, String prefix) {
        Element amount = meta(doc, prefix + ":amount");
        if (amount == null) return null;
        Optional<Price> parsed = new PriceParser().parse(amount.attr("content"));
        if (parsed.isEmpty()) return null;
        Element currency = meta(doc, prefix + ":currency");
        String code = currency != null ? currency.attr("content").strip().toUpperCase(java.util.Locale.ROOT) : parsed.get().currency();
        return new Price(parsed.get().amount(), code == null || code.isBlank() ? null : code);
    }
}
