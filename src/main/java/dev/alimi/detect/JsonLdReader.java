package dev.alimi.detect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alimi.model.Availability;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * schema.org JSON-LD: the page's own Product (or ProductGroup with {@code hasVariant}) found at top
 * level, in {@code @graph} or as a page's {@code mainEntity}; its offers (object or array, Offer or
 * AggregateOffer) give availability, price and currency. Products inside lists are other products.
 */
final class JsonLdReader {

    static final String KIND = "json-ld";

    /** More scripts than this are not one product's data. */
    private static final int MAX_SCRIPTS = 50;
    private static final Pattern AVAILABILITY = Pattern.compile("\"availability\"\\s*:\\s*\"([^\"]{1,120})\"");

    private JsonLdReader() {}

    /**
     * The product's availability (UNKNOWN when its offers do not say) and price, or empty with no
     * product; {@code preorder}: pre-order and back-order offers count as in stock.
     */
    static Optional<Finding> read(ParsedPage page, boolean preorder) {
        List<JsonNode> products = new ArrayList<>();
        List<JsonNode> offers = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        int count = 0;
        for (Element script : page.elements()) {
            if (!script.nameIs("script") || !"application/ld+json".equalsIgnoreCase(script.attr("type").strip())) continue;
            if (++count > MAX_SCRIPTS) break;
            String data = script.data();
            JsonNode root = LenientJson.parse(data);
            if (root == null) {
                broken.add(data);
                continue;
            }
            collect(root, products, offers, 0);
        }
        String path = page.page().url() == null ? null : page.page().url().getPath();
        JsonNode product = products.stream().filter(p -> samePage(p, path)).findFirst()
                .orElse(products.isEmpty() ? null : products.getFirst());
        if (product != null) return Optional.of(fromProduct(product, preorder));
        if (!offers.isEmpty()) return Optional.of(fromOffers("Offer", offers, "json-ld Offer", preorder));
        return fromBroken(broken, preorder);
    }

    private static void collect(JsonNode node, List<JsonNode> products, List<JsonNode> offers, int depth) {
        if (depth > 3 || node == null) return;
        if (node.isArray()) {
            node.forEach(item -> collect(item, products, offers, depth + 1));
            return;
        }
        if (!node.isObject()) return;
        if (isA(node, "Product") || isA(node, "ProductGroup") || isA(node, "IndividualProduct")
                || isA(node, "ProductModel") || isA(node, "Vehicle") || isA(node, "Book")) {
            products.add(node);
        } else if (isA(node, "Offer") || isA(node, "AggregateOffer")) {
            offers.add(node);
        }
        if (node.has("@graph")) collect(node.get("@graph"), products, offers, depth + 1);
        if (node.has("mainEntity")) collect(node.get("mainEntity"), products, offers, depth + 1);
    }

    /** True when {@code @type} (a string or a list) names {@code type}, with or without a schema prefix. */
    static boolean isA(JsonNode node, String type) {
        JsonNode t = node.get("@type");
        if (t == null) return false;
        if (t.isArray()) {
            for (JsonNode item : t) {
                if (typeMatches(item.asText(), type)) return true;
            }
            return false;
        }
        return typeMatches(t.asText(), type);
    }

    private static boolean typeMatches(String written, String type) {
        String t = written.strip();
        int cut = Math.max(t.lastIndexOf('/'), t.lastIndexOf(':'));
        return t.substring(cut + 1).equalsIgnoreCase(type);
    }

    private static boolean samePage(JsonNode product, String path) {
        if (path == null || path.length() < 2) return false;
        for (String key : new String[] {"url", "@id"}) {
            String v = LenientJson.text(product, key);
            if (v != null && v.replace("\\/", "/").toLowerCase(Locale.ROOT).contains(path.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static Finding fromProduct(JsonNode product, boolean preorder) {
        String type = isA(product, "ProductGroup") ? "ProductGroup" : "Product";
        List<JsonNode> offers = offersOf(product);
        for (JsonNode variant : LenientJson.objects(product, "hasVariant")) offers.addAll(offersOf(variant));
        if (offers.isEmpty() && LenientJson.text(product, "availability") != null) offers.add(product);
        return fromOffers(type, offers, "json-ld " + type + (offers.size() > 1 ? " offers" : " offer"), preorder);
    }

    private static List<JsonNode> offersOf(JsonNode product) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode offer : LenientJson.objects(product, "offers")) {
            out.add(offer);
            // AggregateOffer may list its offers; each can carry its own availability.
            out.addAll(LenientJson.objects(offer, "offers"));
        }
        return out;
    }

    private static Finding fromOffers(String type, List<JsonNode> offers, String where, boolean preorder) {
        StockTerm in = null;
        StockTerm out = null;
        String inRaw = null;
        String outRaw = null;
        JsonNode inOffer = null;
        for (JsonNode offer : offers) {
            String raw = LenientJson.text(offer, "availability");
            Optional<StockTerm> term = StockTerm.parse(raw, preorder);
            if (term.isEmpty()) continue;
            if (term.get().availability() == Availability.IN_STOCK && in == null) {
                in = term.get();
                inRaw = raw;
                inOffer = offer;
            } else if (term.get().availability() == Availability.OUT_OF_STOCK && out == null) {
                out = term.get();
                outRaw = raw;
            }
        }
        JsonNode priced = inOffer != null ? inOffer : offers.stream().filter(o -> priceOf(o) != null).findFirst().orElse(null);
        Price price = priced == null ? null : priceOf(priced);
        Long quantity = inOffer == null ? null : inventory(inOffer);
        if (in != null) {
            String evidence = in.describe(where + " availability", inRaw)
                    + (offers.size() > 1 ? " (any offer in stock counts)" : "");
            return new Finding(KIND, Availability.IN_STOCK, quantity, price, evidence);
        }
        if (out != null) {
            return new Finding(KIND, Availability.OUT_OF_STOCK, null, price, out.describe(where + " availability", outRaw));
        }
        return new Finding(KIND, Availability.UNKNOWN, null, price, "json-ld " + type + " states no availability");
    }

    /** The offer's price: {@code price}, {@code lowPrice} or {@code priceSpecification.price}, with its currency. */
    static Price priceOf(JsonNode offer) {
        JsonNode spec = offer.get("priceSpecification");
        if (spec != null && spec.isArray() && !spec.isEmpty()) spec = spec.get(0);
        BigDecimal amount = amount(offer, "price");
        if (amount == null) amount = amount(offer, "lowPrice");
        if (amount == null && spec != null) amount = amount(spec, "price");
        if (amount == null) return null;
        String currency = LenientJson.text(offer, "priceCurrency");
        if (currency == null && spec != null) currency = LenientJson.text(spec, "priceCurrency");
        return new Price(amount, currency == null || currency.isBlank() ? null : currency.strip().toUpperCase(Locale.ROOT));
    }

    private static BigDecimal amount(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) return null;
        if (v.isNumber()) return JsonValues.number(v.decimalValue());
        return new PriceParser().parse(v.asText()).map(Price::amount).orElse(null);
    }

    private static Long inventory(JsonNode offer) {
        JsonNode level = offer.get("inventoryLevel");
        if (level == null) return null;
        BigDecimal n = level.isObject() ? LenientJson.number(level, "value")
                : JsonValues.number(level.isNumber() ? level.decimalValue() : level.asText());
        return n == null || n.signum() < 0 ? null : JsonValues.quantity(n);
    }

    /** JSON-LD too broken to parse still often spells its availability plainly. */
    private static Optional<Finding> fromBroken(List<String> broken, boolean preorder) {
        for (String data : broken) {
            if (!data.contains("Product")) continue;
            Matcher m = AVAILABILITY.matcher(data.length() > 200_000 ? data.substring(0, 200_000) : data);
            Availability seen = null;
            String raw = null;
            while (m.find()) {
                Optional<StockTerm> term = StockTerm.parse(m.group(1), preorder);
                if (term.isEmpty()) continue;
                if (seen != null && seen != term.get().availability()) {
                    return Optional.of(Finding.unknown(KIND, "unparsable json-ld with conflicting availabilities"));
                }
                seen = term.get().availability();
                raw = m.group(1);
            }
            if (seen != null) {
                StockTerm term = StockTerm.parse(raw, preorder).orElseThrow();
                return Optional.of(Finding.of(KIND, seen, term.describe("unparsable json-ld Product availability", raw)));
            }
        }
        return Optional.empty();
    }
}
