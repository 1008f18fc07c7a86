package dev.alimi.detect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alimi.model.Availability;
import dev.alimi.model.Watch;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Answers of headless storefront GraphQL APIs (the watch's request is the POST with
 * {@code {query, variables}}): stock fields anywhere under {@code data}, {@code stockLevel}
 * IN_STOCK / LOW_STOCK / OUT_OF_STOCK, {@code stockStatus}, {@code availableForSale},
 * {@code inStock}, {@code quantityAvailable}. LOW_STOCK is in stock with an unknown small
 * quantity. ON_BACKORDER / PRE_ORDER (WPGraphQL WooCommerce, other storefronts) are out of stock
 * unless the watch says {@code preorder: true}. Any variant in stock makes the answer in stock. For another field, use a
 * {@code json-path} rule with the same POST request.
 */
final class GraphQlRecipe implements Recipe {

    static final String NAME = "graphql";

    private static final int MAX_NODES = 100_000;

    @Override
    public String name() {
        return NAME;
    }

    /** One stock field found, with its JSON path. */
    private record Field(String path, String name, JsonNode value) {}

    @Override
    public Optional<Finding> read(Watch watch, ParsedPage page) {
        JsonNode tree = page.tree();
        if (tree == null || !tree.isObject() || !(tree.has("data") || tree.has("errors"))) return Optional.empty();
        JsonNode data = tree.get("data");
        if (data == null || data.isNull()) {
            JsonNode errors = tree.get("errors");
            String message = errors != null && errors.isArray() && !errors.isEmpty() ? LenientJson.text(errors.get(0), "message") : null;
            return Optional.of(Finding.of(NAME, Availability.ERROR, "GraphQL errors, no data: " + Evidence.quote(message)));
        }
        List<Field> fields = new ArrayList<>();
        collect(data, "$.data", fields, new int[] {0});
        if (fields.isEmpty()) return Optional.of(Finding.unknown(NAME, "GraphQL data has no stock field"));
        Field in = null;
        Field out = null;
        long quantity = 0;
        boolean counted = false;
        for (Field f : fields) {
            Availability a = meaning(f, watch.preorder());
            if (f.name().equals("quantityAvailable") && f.value().isNumber()) {
                quantity += Math.max(0, f.value().asLong());
                counted = true;
            }
            if (a == Availability.IN_STOCK && in == null) in = f;
            if (a == Availability.OUT_OF_STOCK && out == null) out = f;
        }
        if (in != null) {
            boolean low = "LOW_STOCK".equals(in.value().asText().toUpperCase(Locale.ROOT));
            return Optional.of(new Finding(NAME, Availability.IN_STOCK, counted ? quantity : null, price(data),
                    in.path() + " = " + Evidence.quote(in.value().asText()) + (low ? " (few left, count unknown)" : "")
                            + advanceNote(in, watch.preorder())
                            + (fields.size() > 1 ? " (any in stock counts, " + fields.size() + " fields)" : "")));
        }
        if (out != null) {
            return Optional.of(new Finding(NAME, Availability.OUT_OF_STOCK, null, price(data),
                    out.path() + " = " + Evidence.quote(out.value().asText()) + advanceNote(out, watch.preorder())));
        }
        Field f = fields.getFirst();
        return Optional.of(Finding.unknown(NAME, f.path() + " = " + Evidence.quote(f.value().asText()) + " is not a stock state"));
    }

    /** The schema.org name of a pre-order or back-order state, or null. */
    private static String advanceTerm(Field f) {
        if (!f.value().isTextual()) return null;
        return switch (f.value().asText().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_')) {
            case "ON_BACKORDER", "ONBACKORDER", "BACKORDER", "BACK_ORDER" -> "BackOrder";
            case "PRE_ORDER", "PREORDER" -> "PreOrder";
            case "PRE_SALE", "PRESALE" -> "PreSale";
            default -> null;
        };
    }

    private static String advanceNote(Field f, boolean preorder) {
        String term = advanceTerm(f);
        return term == null ? "" : StockTerm.advanceNote(term, preorder);
    }

    private static Availability meaning(Field f, boolean preorder) {
        if (advanceTerm(f) != null) return preorder ? Availability.IN_STOCK : Availability.OUT_OF_STOCK;
        JsonNode v = f.value();
        return switch (f.name()) {
            case "availableForSale", "inStock", "isInStock", "available" -> v.isBoolean()
                    ? (v.booleanValue() ? Availability.IN_STOCK : Availability.OUT_OF_STOCK) : Availability.UNKNOWN;
            case "quantityAvailable" -> v.isNumber() ? (v.asLong() > 0 ? Availability.IN_STOCK : Availability.OUT_OF_STOCK)
                    : Availability.UNKNOWN;
            default -> switch (v.asText().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_')) {
                case "IN_STOCK", "LOW_STOCK", "INSTOCK", "AVAILABLE" -> Availability.IN_STOCK;
                case "OUT_OF_STOCK", "OUTOFSTOCK", "SOLD_OUT", "UNAVAILABLE", "DISCONTINUED" -> Availability.OUT_OF_STOCK;
                default -> Availability.UNKNOWN;
            };
        };
    }

    private static void collect(JsonNode node, String path, List<Field> out, int[] visited) {
        if (++visited[0] > MAX_NODES || out.size() > 1000) return;
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String name = e.getKey();
                JsonNode value = e.getValue();
                if (value.isContainerNode()) {
                    collect(value, path + "." + name, out, visited);
                } else if (!value.isNull() && isStockField(name)) {
                    out.add(new Field(path + "." + name, name, value));
                }
            }
        } else if (node.isArray()) {
            int i = 0;
            for (JsonNode child : node) collect(child, path + "[" + i++ + "]", out, visited);
        }
    }

    private static boolean isStockField(String name) {
        return switch (name) {
            case "stockLevel", "stockStatus", "stock_status", "availableForSale", "inStock", "isInStock",
                 "quantityAvailable", "availability" -> true;
            default -> false;
        };
    }

    /** The first {@code price}-like object with an amount and a currency ({@code {amount, currencyCode}}). */
    private static Price price(JsonNode data) {
        List<JsonNode> queue = new ArrayList<>(List.of(data));
        for (int i = 0; i < queue.size() && i < 10_000; i++) {
            JsonNode node = queue.get(i);
            if (node.isObject() && node.has("amount") && (node.has("currencyCode") || node.has("currency"))) {
                BigDecimal amount = LenientJson.number(node, "amount");
                String currency = node.has("currencyCode") ? LenientJson.text(node, "currencyCode") : LenientJson.text(node, "currency");
                if (amount != null) return new Price(amount, currency == null ? null : currency.toUpperCase(Locale.ROOT));
            }
            node.forEach(child -> {
                if (child.isContainerNode()) queue.add(child);
            });
        }
        return null;
    }
}
