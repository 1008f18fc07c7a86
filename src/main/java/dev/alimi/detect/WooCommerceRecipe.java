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
 * {@code available-on-backorder}) in the summary, not in related or up-sell products.
 */
final class WooCommerceRecipe implements Recipe {

    static final String NAME = "woocommerce";

    private static final Pattern PRODUCT_ID = Pattern.compile("/products/(\\d+)/?$");

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
        if (tree != null) return fromJson(tree, page.page().url());
        if (page.looksLikeJson()) return Optional.empty();
        return fromHtml(page);
    }

    private static Optional<Finding> fromJson(JsonNode tree, URI url) {
        if (tree.isObject() && tree.has("is_in_stock")) return Optional.of(single(tree, "Store API product"));
        if (!tree.isArray() || tree.isEmpty()) return Optional.empty();
        List<JsonNode> products = java.util.stream.StreamSupport.stream(tree.spliterator(), false)
                .filter(p -> p.isObject() && p.has("is_in_stock")).toList();
        if (products.size() != tree.size()) return Optional.empty();
        Matcher id = url == null || url.getPath() == null ? null : PRODUCT_ID.matcher(url.getPath());
        if (id != null && id.find()) {
            for (JsonNode p : products) {
                if (id.group(1).equals(LenientJson.text(p, "id"))) return Optional.of(single(p, "Store API product " + id.group(1)));
            }
        }
        long in = products.stream().filter(p -> Boolean.TRUE.equals(LenientJson.bool(p, "is_in_stock"))).count();
        long out = products.stream().filter(p -> Boolean.FALSE.equals(LenientJson.bool(p, "is_in_stock"))).count();
        String counts = "Store API list: " + in + " of " + products.size() + " products is_in_stock";
        if (in == products.size()) return Optional.of(Finding.of(NAME, Availability.IN_STOCK, counts));
        if (out == products.size()) return Optional.of(Finding.of(NAME, Availability.OUT_OF_STOCK, counts));
        return Optional.of(Finding.unknown(NAME, counts + " (mixed; the URL names no product id)"));
    }

    private static Finding single(JsonNode p, String where) {
        Boolean inStock = LenientJson.bool(p, "is_in_stock");
        Boolean purchasable = LenientJson.bool(p, "is_purchasable");
        BigDecimal low = LenientJson.number(p, "low_stock_remaining");
        Long quantity = low == null ? null : JsonValues.quantity(low);
        Price price = price(p.get("prices"));
        String evidence = where + " is_in_stock " + inStock + (quantity == null ? "" : ", low_stock_remaining " + quantity)
                + (price == null ? "" : "; price " + StructuredData.show(price));
        if (Boolean.FALSE.equals(inStock)) return new Finding(NAME, Availability.OUT_OF_STOCK, null, price, evidence);
        if (!Boolean.TRUE.equals(inStock)) return new Finding(NAME, Availability.UNKNOWN, null, price, evidence);
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

    private static Optional<Finding> fromHtml(ParsedPage page) {
        Element stock = null;
        for (Element e : page.html().select("p.stock, div.stock, span.stock")) {
            if (!page.area().isOutside(e)) {
                stock = e;
                break;
            }
        }
        Price price = StructuredData.read(page).price();
        if (stock != null) {
            String text = VisibleText.of(stock);
            String where = "\"." + String.join(".", stock.classNames()) + "\" " + Evidence.quote(text);
            if (stock.hasClass("out-of-stock")) return Optional.of(new Finding(NAME, Availability.OUT_OF_STOCK, null, price, where));
            if (stock.hasClass("available-on-backorder")) {
                return Optional.of(new Finding(NAME, Availability.OUT_OF_STOCK, null, price, where + " (BackOrder: out of stock)"));
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
