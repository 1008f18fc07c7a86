package dev.alimi.detect;

import dev.alimi.model.Availability;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.nodes.Element;

/**
 * schema.org microdata: {@code itemprop=availability} on {@code link}/{@code meta} (attributes
 * quoted or not) or as text, in the first Product scope of the product area; scopes in carousels,
 * reviews and footers belong to other products. Without a Product scope, properties outside any
 * product scope count.
 */
final class MicrodataReader {

    static final String KIND = "microdata";

    private MicrodataReader() {}

    /** {@code preorder}: pre-order and back-order values count as in stock. */
    static Optional<Finding> read(ParsedPage page, boolean preorder) {
        ProductArea area = page.area();
        Element scope = null;
        List<Element> props = new ArrayList<>();
        for (Element e : page.elements()) {
            if (e.attributesSize() == 0) continue;
            if (scope == null && e.hasAttr("itemscope") && isProductType(e) && !area.isOutside(e)) scope = e;
            if (e.hasAttr("itemprop")) props.add(e);
        }
        if (props.isEmpty()) return Optional.empty();
        final Element own = scope;
        props.removeIf(e -> area.isOutside(e) || (own != null ? !inside(e, own) : insideProductScope(e)));
        Availability seen = null;
        String evidence = null;
        for (Element e : props) {
            if (!hasProp(e, "availability")) continue;
            String raw = value(e);
            Optional<StockTerm> term = StockTerm.parse(raw, preorder);
            if (term.isEmpty()) continue;
            if (seen == null || term.get().availability() == Availability.IN_STOCK && seen != Availability.IN_STOCK) {
                seen = term.get().availability();
                evidence = term.get().describe("microdata <" + e.normalName() + " itemprop=availability>", raw);
            }
        }
        Price price = price(props);
        if (seen == null && price == null) return Optional.empty();
        if (seen == null) return Optional.of(new Finding(KIND, Availability.UNKNOWN, null, price, "microdata states no availability"));
        return Optional.of(new Finding(KIND, seen, null, price, evidence));
    }

    private static boolean isProductType(Element e) {
        return e.attr("itemtype").toLowerCase(Locale.ROOT).contains("schema.org/product");
    }

    private static boolean inside(Element e, Element scope) {
        for (Element at = e; at != null; at = at.parent()) {
            if (at == scope) return true;
        }
        return false;
    }

    private static boolean insideProductScope(Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p.hasAttr("itemscope") && p.attr("itemtype").toLowerCase(Locale.ROOT).contains("product")) return true;
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

    private static Price price(List<Element> props) {
        Element amount = props.stream().filter(e -> hasProp(e, "price") || hasProp(e, "lowPrice")).findFirst().orElse(null);
        if (amount == null) return null;
        Element currency = props.stream().filter(e -> hasProp(e, "priceCurrency")).findFirst().orElse(null);
        Optional<Price> parsed = new PriceParser().parse(value(amount));
        if (parsed.isEmpty()) return null;
        String code = currency == null ? parsed.get().currency() : value(currency).strip().toUpperCase(Locale.ROOT);
        return new Price(parsed.get().amount(), code == null || code.isBlank() ? null : code);
    }
}
