package dev.alimi.detect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alimi.model.Availability;
import dev.alimi.model.Watch;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * WooCommerce: the Store API ({@code /wp-json/wc/store/v1/products/<id>}: {@code is_in_stock},
 * {@code is_purchasable}, {@code low_stock_remaining}, {@code prices} in minor units), its product
 * lists, and product pages' {@code p.stock} ({@code in-stock}, {@code out-of-stock},
 * {@code available-on-backorder}) in the summary, not in related or up-sell products. A product on
 * back-order ({@code is_on_backorder}, {@code available-on-backorder}) is out of stock unless the
 * watch says {@code preorder: true}.
 *
 * <p>The Store API lists a variable product's {@code variations} as ids and attributes without
 * stock; a variation's stock is at its own URL, {@code /wp-json/wc/store/v1/products/<variation-id>}.
 * So a watch's {@code variant} is only honoured where the answer itself is that id (the variation's
 * own URL, or an item of a list); anything else is UNKNOWN with that advice.
 */
final class WooCommerceRecipe implements Recipe {

    static final String NAME = "woocommerce";

    private static final Pattern PRODUCT_ID = Pattern.compile("/products/(\\d+)/?$");
    private static final String VARIATION_ADVICE = "the Store API lists variations without their stock; point the"
            + " watch's url at the variation's own /wp-json/wc/store/v1/products/<variation-id>";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean serves(URI url) {
        return url != null && url.getPath() != null && url.getPath().contains("/wp-json/wc/");
    }

    @Override
    public Optional<Finding> read(Watch watch, ParsedPage page) {
        JsonNode tree = page.tree();
        if (tree != null) return fromJson(tree, page.page().url(), watch);
        if (page.looksLikeJson()) return Optional.empty();
        Optional<Finding> html = fromHtml(page, watch.preorder());
        if (html.isPresent() && watch.variant() != null) {
            return Optional.of(html.get().withAvailability(Availability.UNKNOWN).withQuantity(null).withPrice(null)
                    .withEvidence("variant " + watch.variant() + " cannot be chosen on a product page: " + VARIATION_ADVICE));
        }
        return html;
    }

    @Override
    public boolean readsVariant() {
        return true;
    }

    @Override
    public Optional<String> variantProblem(URI url) {
        return Optional.of("the woocommerce recipe cannot choose a variation: " + VARIATION_ADVICE + ", without `variant`");
    }

    private static Optional<Finding> fromJson(JsonNode tree, URI url, Watch watch) {
        boolean preorder = watch.preorder();
        String variant = watch.variant();
        if (tree.isObject() && tree.has("is_in_stock")) {
            if (variant == null || variant.equals(LenientJson.text(tree, "id"))) {
                return Optional.of(single(tree, "Store API product", preorder));
            }
            List<String> ids = LenientJson.objects(tree, "variations").stream().map(v -> LenientJson.text(v, "id")).toList();
            String evidence = ids.contains(variant) ? "Store API product lists variation " + variant + "; " + VARIATION_ADVICE
                    : "variant " + variant + " not in the product's variations (ids: " + (ids.isEmpty() ? "none" : String.join(", ", ids))
                    + "); " + VARIATION_ADVICE;
            return Optional.of(new Finding(NAME, Availability.UNKNOWN, null, null, evidence));
        }
        if (!tree.isArray() || tree.isEmpty()) return Optional.empty();
        List<JsonNode> products = java.util.stream.StreamSupport.stream(tree.spliterator(), false)
                .filter(p -> p.isObject() && p.has("is_in_stock")).toList();
        if (products.size() != tree.size()) return Optional.empty();
        Matcher id = url == null || url.getPath() == null ? null : PRODUCT_ID.matcher(url.getPath());
        String wanted = variant != null ? variant : id != null && id.find() ? id.group(1) : null;
        if (wanted != null) {
            for (JsonNode p : products) {
                if (wanted.equals(LenientJson.text(p, "id"))) return Optional.of(single(p, "Store API product " + wanted, preorder));
            }
            if (variant != null) {
                List<String> ids = products.stream().limit(8).map(p -> LenientJson.text(p, "id")).toList();
                return Optional.of(Finding.unknown(NAME, "variant " + variant + " not in the Store API list (ids: "
                        + String.join(", ", ids) + (products.size() > ids.size() ? ", …" : "") + ")"));
            }
        }
        long in = products.stream().filter(p -> inStock(p, preorder)).count();
        long out = products.stream().filter(p -> !inStock(p, preorder) && LenientJson.bool(p, "is_in_stock") != null).count();
        long backorder = products.stream().filter(WooCommerceRecipe::onBackorder).count();
        String counts = "Store API list: " + in + " of " + products.size() + " products in stock"
                + (backorder == 0 ? "" : " (" + backorder + " on back-order" + StockTerm.advanceNote("BackOrder", preorder) + ")");
        if (in == products.size()) return Optional.of(Finding.of(NAME, Availability.IN_STOCK, counts));
        if (out == products.size()) return Optional.of(Finding.of(NAME, Availability.OUT_OF_STOCK, counts));
        return Optional.of(Finding.unknown(NAME, counts + " (mixed; the URL names no product id)"));
    }

    /** In stock for a watch: {@code is_in_stock}, and not on back-order unless the watch takes pre-orders. */
    private static boolean inStock(JsonNode p, boolean preorder) {
        return Boolean.TRUE.equals(LenientJson.bool(p, "is_in_stock")) && (preorder || !onBackorder(p));
    }

    /** WooCommerce says "in stock" for back-ordered products; these two fields tell them apart. */
    private static boolean onBackorder(JsonNode p) {
        return Boolean.TRUE.equals(LenientJson.bool(p, "is_on_backorder"))
                || "available-on-backorder".equals(LenientJson.text(p.get("stock_availability"), "class"));
    }

    private static Finding single(JsonNode p, String where, boolean preorder) {
        Boolean inStock = LenientJson.bool(p, "is_in_stock");
        Boolean purchasable = LenientJson.bool(p, "is_purchasable");
        BigDecimal low = LenientJson.number(p, "low_stock_remaining");
        Long quantity = low == null ? null : JsonValues.quantity(low);
        Price price = price(p.get("prices"));
        boolean backorder = Boolean.TRUE.equals(inStock) && onBackorder(p);
        String evidence = where + " is_in_stock " + inStock + (quantity == null ? "" : ", low_stock_remaining " + quantity)
                + (backorder ? ", on back-order" + StockTerm.advanceNote("BackOrder", preorder) : "")
                + (price == null ? "" : "; price " + StructuredData.show(price));
        if (Boolean.FALSE.equals(inStock)) return new Finding(NAME, Availability.OUT_OF_STOCK, null, price, evidence);
        if (!Boolean.TRUE.equals(inStock)) return new Finding(NAME, Availability.UNKNOWN, null, price, evidence);
        if (backorder && !preorder) return new Finding(NAME, Availability.OUT_OF_STOCK, null, price, evidence);
        if (Boolean.FALSE.equals(purchasable)) {
            return new Finding(NAME, Availability.UNKNOWN, null, price, evidence + " but is_purchasable false ("
                    + LenientJson.text(p, "type") + " product)");
        }
        return new Finding(NAME, Availability.IN_STOCK, quantity, price, evidence);
    }

    /** Store API prices are strings in minor units with their exponent: {@code "18000"} and 3 is 18.000. */
    static Price price(JsonNode prices) {
        if (prices == null || !prices.isObject()) return null;
        BigDecimal raw = LenientJson.number(prices, "price");
        if (raw == null) return null;
        BigDecimal unit = LenientJson.number(prices, "currency_minor_unit");
        int exponent = unit == null ? 0 : Math.max(0, Math.min(unit.intValue(), 8));
        String currency = LenientJson.text(prices, "currency_code");
        return new Price(raw.movePointLeft(exponent), currency == null || currency.isBlank() ? null : currency.toUpperCase(Locale.ROOT));
    }

    private static Optional<Finding> fromHtml(ParsedPage page, boolean preorder) {
        Element stock = null;
        for (Element e : page.html().select("p.stock, div.stock, span.stock")) {
            if (!page.area().isOutside(e)) {
                stock = e;
                break;
            }
        }
        Price price = StructuredData.read(page, preorder).price();
        if (stock != null) {
            String text = VisibleText.of(stock);
            String where = "\"." + String.join(".", stock.classNames()) + "\" " + Evidence.quote(text);
            if (stock.hasClass("out-of-stock")) return Optional.of(new Finding(NAME, Availability.OUT_OF_STOCK, null, price, where));
            if (stock.hasClass("available-on-backorder")) {
                return Optional.of(new Finding(NAME, preorder ? Availability.IN_STOCK : Availability.OUT_OF_STOCK, null, price,
                        where + StockTerm.advanceNote("BackOrder", preorder)));
            }
            if (stock.hasClass("in-stock")) {
                return Optional.of(new Finding(NAME, Availability.IN_STOCK, StockPhrases.quantity(text), price, where));
            }
        }
        for (Element button : page.html().select("form.cart .single_add_to_cart_button")) {
            if (page.area().isOutside(button)) continue;
            if (button.hasClass("wc-variation-selection-needed")) {
                // Variable products disable the button until a variation is picked: that says nothing about stock.
                return Optional.of(new Finding(NAME, Availability.UNKNOWN, null, price,
                        "add-to-cart button waits for a variation to be chosen"));
            }
            boolean disabled = button.hasAttr("disabled") || button.hasClass("disabled");
            return Optional.of(new Finding(NAME, disabled ? Availability.OUT_OF_STOCK : Availability.IN_STOCK, null, price,
                    (disabled ? "disabled " : "") + "\"form.cart .single_add_to_cart_button\""));
        }
        return Optional.empty();
    }
}
