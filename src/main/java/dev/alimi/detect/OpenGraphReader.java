package dev.alimi.detect;

import dev.alimi.model.Availability;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Element;

/** OpenGraph product tags: {@code og:availability} / {@code product:availability} and the price pair. */
final class OpenGraphReader {

    static final String KIND = "opengraph";

    private OpenGraphReader() {}

    /** {@code preorder}: {@code preorder} / {@code backorder} values count as in stock. */
    static Optional<Finding> read(ParsedPage page, boolean preorder) {
        // One walk collects every <meta property|name=…>; big pages make each extra select costly.
        Map<String, String> metas = new HashMap<>();
        for (Element meta : page.elements()) {
            if (!meta.nameIs("meta")) continue;
            String key = meta.hasAttr("property") ? meta.attr("property") : meta.attr("name");
            if (!key.isEmpty()) metas.putIfAbsent(key.strip().toLowerCase(java.util.Locale.ROOT), meta.attr("content"));
        }
        Availability seen = null;
        String evidence = null;
        for (String key : new String[] {"og:availability", "product:availability"}) {
            String raw = metas.get(key);
            if (raw == null) continue;
            Optional<StockTerm> term = StockTerm.parse(raw, preorder);
            if (term.isPresent()) {
                seen = term.get().availability();
                evidence = term.get().describe("<meta property=" + key + ">", raw);
                break;
            }
        }
        Price price = price(metas, "product:price");
        if (price == null) price = price(metas, "og:price");
        if (seen == null && price == null) return Optional.empty();
        if (seen == null) return Optional.of(new Finding(KIND, Availability.UNKNOWN, null, price, "OpenGraph states no availability"));
        return Optional.of(new Finding(KIND, seen, null, price, evidence));
    }

    private static Price price(Map<String, String> metas, String prefix) {
        String amount = metas.get(prefix + ":amount");
        if (amount == null) return null;
        Optional<Price> parsed = new PriceParser().parse(amount);
        if (parsed.isEmpty()) return null;
        String currency = metas.get(prefix + ":currency");
        String code = currency != null ? currency.strip().toUpperCase(java.util.Locale.ROOT) : parsed.get().currency();
        return new Price(parsed.get().amount(), code == null || code.isBlank() ? null : code);
    }
}
