package dev.alimi.detect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alimi.model.Availability;
import dev.alimi.model.Watch;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Naver SmartStore: the product API's JSON, or the product's own node in a page's
 * {@code window.__PRELOADED_STATE__}. Placeholder nodes (null status, {@code stockQuantity: 0})
 * elsewhere in the state are skipped; the node whose {@code id} is the URL's product number wins.
 */
final class NaverSmartStoreRecipe implements Recipe {

    static final String NAME = "naver-smartstore";

    private static final Pattern PRODUCT_NO = Pattern.compile("/products/(\\d+)");
    private static final Pattern STATE = Pattern.compile("__PRELOADED_STATE__\\s*=\\s*");
    private static final Pattern UNDEFINED = Pattern.compile(":\\s*undefined\\b");
    /** Nodes visited while searching the state; real states have a few thousand. */
    private static final int MAX_NODES = 200_000;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean serves(URI url) {
        String host = Recipe.host(url);
        return Recipe.under(host, "smartstore.naver.com") || Recipe.under(host, "brand.naver.com");
    }

    @Override
    public Optional<Finding> read(Watch watch, ParsedPage page) {
        String productNo = productNo(page.page().url());
        JsonNode tree = page.tree();
        if (tree != null) {
            if (!tree.isObject() || statusOf(tree) == null) return Optional.empty();
            return Optional.of(decide(tree, "product API"));
        }
        if (page.looksLikeJson()) return Optional.empty();
        Optional<Finding> fromState = fromState(page, productNo);
        if (fromState.isPresent()) return fromState;
        if (page.html().selectFirst(".not_goods") != null) {
            return Optional.of(Finding.of(NAME, Availability.OUT_OF_STOCK, "SmartStore \".not_goods\" (no such product on sale)"));
        }
        return Optional.empty();
    }

    private static Optional<Finding> fromState(ParsedPage page, String productNo) {
        String body = page.body();
        Matcher m = STATE.matcher(body);
        if (!m.find()) return Optional.empty();
        int end = body.indexOf("</script>", m.end());
        String json = body.substring(m.end(), end < 0 ? body.length() : end);
        JsonNode state = LenientJson.parse(UNDEFINED.matcher(json).replaceAll(":null"));
        if (state == null) return Optional.of(Finding.unknown(NAME, "__PRELOADED_STATE__ is not readable JSON"));
        List<JsonNode> nodes = new ArrayList<>();
        collect(state, nodes, new int[] {0});
        if (nodes.isEmpty()) return Optional.of(Finding.unknown(NAME, "__PRELOADED_STATE__ holds no product with a status"));
        if (productNo != null) {
            for (JsonNode node : nodes) {
                if (productNo.equals(LenientJson.text(node, "id")) || productNo.equals(LenientJson.text(node, "productNo"))) {
                    return Optional.of(decide(node, "__PRELOADED_STATE__ product " + productNo));
                }
            }
        }
        String first = statusOf(nodes.getFirst());
        if (nodes.stream().anyMatch(n -> !first.equals(statusOf(n)))) {
            return Optional.of(Finding.unknown(NAME, "__PRELOADED_STATE__ holds " + nodes.size()
                    + " products with different statuses and none is the URL's product"));
        }
        return Optional.of(decide(nodes.getFirst(), "__PRELOADED_STATE__ product"));
    }

    /** Product nodes with a non-null status; placeholders with a null status are not products. */
    private static void collect(JsonNode node, List<JsonNode> out, int[] visited) {
        if (++visited[0] > MAX_NODES) return;
        if (node.isObject()) {
            if (statusOf(node) != null) out.add(node);
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                JsonNode child = property.getValue();
                if (child.isContainerNode()) collect(child, out, visited);
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                if (child.isContainerNode()) collect(child, out, visited);
            }
        }
    }

    private static String statusOf(JsonNode node) {
        String status = LenientJson.text(node, "productStatusType");
        if (status == null && node.has("stockQuantity")) status = LenientJson.text(node, "statusType");
        return status == null || status.isBlank() ? null : status.strip();
    }

    private static Finding decide(JsonNode node, String where) {
        String status = statusOf(node);
        BigDecimal stock = LenientJson.number(node, "stockQuantity");
        Long quantity = stock == null ? null : JsonValues.quantity(stock);
        Price price = price(node);
        String said = where + " productStatusType " + Evidence.quote(status)
                + (quantity == null ? "" : ", stockQuantity " + quantity);
        Availability availability;
        String evidence = said;
        switch (status) {
            case "SALE" -> {
                if (Boolean.TRUE.equals(LenientJson.bool(node, "soldout"))) {
                    availability = Availability.OUT_OF_STOCK;
                    evidence += ", soldout true";
                } else {
                    availability = quantity != null && quantity <= 0 ? Availability.OUT_OF_STOCK : Availability.IN_STOCK;
                }
            }
            case "OUTOFSTOCK" -> availability = Availability.OUT_OF_STOCK;
            case "SUSPENSION", "CLOSE", "PROHIBITION", "WAIT", "UNADMISSION", "REJECTION", "DELETE" -> {
                availability = Availability.OUT_OF_STOCK;
                evidence += " (not on sale)";
            }
            default -> {
                return new Finding(NAME, Availability.UNKNOWN, quantity, price, said + " is not a known status");
            }
        }
        if (price != null) evidence += "; price " + StructuredData.show(price);
        return new Finding(NAME, availability, availability == Availability.IN_STOCK ? quantity : null, price, evidence);
    }

    /** The price a buyer pays: the discounted price when there is one, else the sale price; always KRW. */
    private static Price price(JsonNode node) {
        BigDecimal amount = LenientJson.number(node.get("benefitsView"), "discountedSalePrice");
        if (amount == null) amount = LenientJson.number(node, "discountedSalePrice");
        if (amount == null) amount = LenientJson.number(node, "salePrice");
        return amount == null || amount.signum() <= 0 ? null : new Price(amount, "KRW");
    }

    private static String productNo(URI url) {
        if (url == null || url.getPath() == null) return null;
        Matcher m = PRODUCT_NO.matcher(url.getPath());
        return m.find() ? m.group(1) : null;
    }
}
