package dev.alimi.detect;

import dev.alimi.model.Availability;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * schema.org microdata: {@code itemprop=availability} on {@code link}/{@code meta} (attributes
 * quoted or not) or as text, in the first Product scope of the product area; scopes in carousels,
 * reviews and footers belong to other products.
 */
final class MicrodataReader {

    static final String KIND = "microdata";

    private MicrodataReader() {}

    static Optional<Finding> read(ParsedPage page) {
        Document doc = page.html();
        Element scope = null;
        for (Element e : doc.select("[itemscope][itemtype]")) {
            if (e.attr("itemtype").toLowerCase(java.util.Locale.ROOT).contains("schema.org/product") && !page.area().isOutside(e)) {
                scope = e;
                break;
            }
        }
        Element root = scope != null ? scope : doc;
        Availability seen = null;
        String evidence = null;
        for (Element e : root.select("[itemprop]")) {
            if (!hasProp(e, "availability")) continue;
            if (page.area().isOutside(e) || (scope == null && insideOtherProduct(e))) continue;
            String raw = value(e);
            Optional<StockTerm> term = StockTerm.parse(raw);
            if (term.isEmpty()) continue;
            if (seen == null || term.get().availability() == Availability.IN_STOCK && seen != Availability.IN_STOCK) {
                seen = term.get().availability();
                evidence = term.get().describe("microdata <" + e.normalName() + " itemprop=availability>", raw);
            }
        }
        Price price = price(root, page.area());
        if (seen == null && price == null) return Optional.empty();
        if (seen == null) return Optional.of(new Finding(KIND, Availability.UNKNOWN, null, price, "microdata states no availability"));
        return Optional.of(new Finding(KIND, seen, null, price, evidence));
    }

    private static boolean insideOtherProduct(Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p.hasAttr("itemscope") && p.attr("itemtype").toLowerCase(java.util.Locale.ROOT).contains("product")) return true;
        }
        return false;
    }

    private static boolean hasProp(Element e, String name) {
        for (String token : e.attr("itemprop").split("\\s+")) {
            if (token.equalsIgnoreCase(name)) return true;
        }
        return false;
    }

    static String value(Element e) {
        if (e.hasAttr("href")) return e.attr("href");
        if (e.hasAttr("content")) return e.attr("content");
        if (e.hasAttr("value")) return e.attr("value");
        return e.text();
    }

    private static Price price(Element root, ProductArea area) {
        Element amount = null;
        for (Element e : root.select("[itemprop=price], [itemprop=lowPrice]")) {
            if (!area.isOutside(e)) {
                amount = e;
                break;
            }
        }
        if (amount == null) return null;
        Element currency = root.selectFirst("[itemprop=priceCurrency]");
        String raw = value(amount);
        Optional<Price> parsed = new PriceParser().parse(raw);
        if (parsed.isEmpty()) return null;
        String code = currency == null ? parsed.get().currency() : value(currency).strip().toUpperCase(java.util.Locale.ROOT);
        return new Price(parsed.get().amount(), code == null || code.isBlank() ? null : code);
    }
}
