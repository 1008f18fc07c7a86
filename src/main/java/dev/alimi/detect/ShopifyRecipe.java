package dev.alimi.detect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alimi.model.Availability;
import dev.alimi.model.Watch;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shopify product JSON: {@code /products/<handle>.js} (prices in minor units), {@code .json} and the
 * Admin API's {@code products.json} ({@code inventory_quantity}). A variant is chosen by the watch's
 * {@code variant: <id>}, else by the URL's {@code variant=<id>} query: that variant alone decides
 * availability, quantity and price, and an id the product does not list is UNKNOWN. Without one,
 * any variant in stock makes the product in stock. These bodies carry no currency, so none is reported. On a
 * product page, the product JSON that themes embed is read.
 */
final class ShopifyRecipe implements Recipe {

    static final String NAME = "shopify";

    private static final Pattern HANDLE = Pattern.compile("/products/([^/.?]+)(?:\\.(?:js|json))?/?$");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean serves(URI url) {
        String path = url == null || url.getPath() == null ? "" : url.getPath();
        return Recipe.under(Recipe.host(url), "myshopify.com") || path.matches(".*/products/[^/]+\\.(js|json)$");
    }

    @Override
    public Optional<Finding> read(Watch watch, ParsedPage page) {
        JsonNode tree = page.looksLikeJson() ? page.tree() : embeddedProduct(page);
        if (tree == null || !tree.isObject()) return Optional.empty();
        JsonNode product;
        String where;
        if (tree.has("product") && tree.get("product").isObject()) {
            product = tree.get("product");
            where = "product";
        } else if (tree.has("variants") && tree.has("handle")) {
            product = tree;
            where = "product.js";
        } else if (tree.has("products") && tree.get("products").isArray()) {
            List<JsonNode> products = LenientJson.objects(tree, "products");
            String handle = handle(page.page().url());
            product = products.stream().filter(p -> handle != null && handle.equals(LenientJson.text(p, "handle")))
                    .findFirst().orElse(products.size() == 1 ? products.getFirst() : null);
            if (product == null) {
                return Optional.of(Finding.unknown(NAME, "products list of " + products.size()
                        + " without the URL's handle " + Evidence.quote(handle)));
            }
            where = "products[handle=" + LenientJson.text(product, "handle") + "]";
        } else {
            return Optional.empty();
        }
        if (!product.has("variants")) return Optional.empty();
        if (!page.looksLikeJson()) where = "page's embedded " + where;
        return Optional.of(decide(product, where, Variant.of(watch, page.page().url()), watch.preorder()));
    }

    @Override
    public boolean readsVariant() {
        return true;
    }

    /**
     * The variant a watch asks for, or none.
     *
     * @param id   the variant id, or null for the whole product
     * @param note where the id came from, for evidence
     */
    private record Variant(String id, String note) {

        static Variant of(Watch watch, URI url) {
            String fromUrl = Recipe.query(url, "variant");
            if (watch.variant() == null) return new Variant(fromUrl, fromUrl == null ? "" : " (the URL's ?variant=)");
            String over = fromUrl == null || fromUrl.equals(watch.variant()) ? "" : ", over the URL's ?variant=" + fromUrl;
            return new Variant(watch.variant(), " (the watch's variant: " + watch.variant() + over + ")");
        }
    }

    /** Themes embed the product's JSON in the page ({@code <script type="application/json" id="ProductJson-…">}). */
    private static JsonNode embeddedProduct(ParsedPage page) {
        for (org.jsoup.nodes.Element script : page.elements()) {
            if (!script.nameIs("script") || !"application/json".equalsIgnoreCase(script.attr("type").strip())) continue;
            String data = script.data();
            if (!data.contains("\"variants\"")) continue;
            JsonNode node = LenientJson.parse(data);
            if (node != null && node.isObject() && node.has("variants") && node.has("handle")) return node;
            if (node != null && node.isObject() && node.path("product").has("variants")) return node;
        }
        return null;
    }

    /**
     * A tracked variant at zero or less that still sells ({@code inventory_policy: continue}) is Shopify's
     * back-order: in stock only for a watch that says {@code preorder: true}, and then with no count.
     */
    private static Finding decide(JsonNode product, String where, Variant chosen, boolean preorder) {
        List<JsonNode> variants = LenientJson.objects(product, "variants");
        String variantId = chosen.id();
        if (variantId != null) {
            List<JsonNode> all = variants;
            variants = all.stream().filter(v -> variantId.equals(LenientJson.text(v, "id"))).toList();
            if (variants.isEmpty()) {
                // Never the product's availability: another variant in stock is not the one asked for.
                return Finding.unknown(NAME, "variant " + variantId + " not in the product's variants (ids: "
                        + ids(all) + ")" + chosen.note() + " in " + where);
            }
            where += ".variants[id=" + variantId + "]";
        }
        Boolean productAvailable = variantId == null ? LenientJson.bool(product, "available") : null;
        List<JsonNode> inStock = new ArrayList<>();
        long quantity = 0;
        boolean counted = false;
        boolean backOrdered = false;
        boolean inByBackOrder = false;
        List<String> reasons = new ArrayList<>();
        for (JsonNode v : variants) {
            Boolean available = LenientJson.bool(v, "available");
            BigDecimal qty = LenientJson.number(v, "inventory_quantity");
            String management = LenientJson.text(v, "inventory_management");
            boolean oversells = "continue".equals(LenientJson.text(v, "inventory_policy"));
            boolean tracked = management != null && !management.isBlank();
            boolean backOrder = oversells && tracked && qty != null && qty.signum() <= 0 && !Boolean.FALSE.equals(available);
            if (qty != null && tracked && !backOrder) {
                quantity += Math.max(0, JsonValues.quantity(qty));
                counted = true;
            }
            boolean in = backOrder ? preorder
                    : available != null ? available
                    : qty != null ? qty.signum() > 0 || oversells || !tracked
                    : false;
            if (available == null && qty == null) continue;
            if (in) inStock.add(v);
            backOrdered |= backOrder;
            inByBackOrder |= in && backOrder;
            if (reasons.size() < 2) {
                reasons.add(backOrder ? "back-order (inventory_policy continue, inventory_quantity " + qty.toPlainString() + ")"
                        : available != null ? "available " + available : "inventory_quantity " + qty.toPlainString());
            }
        }
        Price price = price(inStock.isEmpty() ? variants : inStock, product);
        String priceNote = price == null ? "" : "; price " + StructuredData.show(price);
        if (reasons.isEmpty() && productAvailable == null) {
            return new Finding(NAME, Availability.UNKNOWN, null, price, where + " states no availability" + chosen.note());
        }
        boolean in = !inStock.isEmpty() || (reasons.isEmpty() && Boolean.TRUE.equals(productAvailable));
        String counts = variants.size() == 1 ? reasons.isEmpty() ? "available " + productAvailable : reasons.getFirst()
                : inStock.size() + " of " + variants.size() + " variants in stock";
        Long q = in && counted && !inByBackOrder ? quantity : null; // a back-order has no count to tell
        String qtyNote = q == null ? "" : ", " + q + " units";
        String advance = backOrdered ? StockTerm.advanceNote("BackOrder", preorder) : "";
        return new Finding(NAME, in ? Availability.IN_STOCK : Availability.OUT_OF_STOCK, q, price,
                where + " " + counts + qtyNote + priceNote + advance + chosen.note());
    }

    /** Whole numbers are minor units ({@code .js}: 1999 = 19.99); strings are major units ({@code "19.99"}). */
    private static Price price(List<JsonNode> variants, JsonNode product) {
        JsonNode source = variants.isEmpty() ? product : variants.getFirst();
        JsonNode v = source.get("price");
        if ((v == null || v.isNull()) && source != product) v = product.get("price");
        if (v == null || v.isNull() || v.isContainerNode()) return null;
        BigDecimal amount = JsonValues.number(v.isNumber() ? v.decimalValue() : v.asText());
        if (amount == null) return null;
        return new Price(v.isIntegralNumber() ? amount.movePointLeft(2) : amount, null);
    }

    /** The variants' ids for evidence, the first few only. */
    private static String ids(List<JsonNode> variants) {
        if (variants.isEmpty()) return "none";
        List<String> ids = variants.stream().limit(8).map(v -> String.valueOf(LenientJson.text(v, "id"))).toList();
        return String.join(", ", ids) + (variants.size() > ids.size() ? ", … " + variants.size() + " in all" : "");
    }

    private static String handle(URI url) {
        if (url == null || url.getPath() == null) return null;
        Matcher m = HANDLE.matcher(url.getPath());
        return m.find() ? m.group(1) : null;
    }
}
