package dev.alimi.detect;

import dev.alimi.model.Availability;
import dev.alimi.model.Watch;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code detect: auto}: a shop recipe chosen by the URL's host or the JSON's shape, else
 * JSON-LD, microdata and OpenGraph, then the visible text of the product area. An out-of-stock
 * phrase in the product area vetoes metadata that says in stock (shops lie in metadata); nothing
 * confident is UNKNOWN, never a guess. A watch with a {@code variant} is read only by recipes that
 * can choose it (Shopify product JSON, WooCommerce's Store API): the whole product's metadata and
 * text would speak for the wrong variant.
 */
final class AutoDetector implements Recipe {

    static final String NAME = "auto";

    private final List<Recipe> byHost;
    private final List<Recipe> byJsonShape;

    /** {@code byHost} are tried for URLs they serve; {@code byJsonShape} on JSON bodies, in order. */
    AutoDetector(List<Recipe> byHost, List<Recipe> byJsonShape) {
        this.byHost = List.copyOf(byHost);
        this.byJsonShape = List.copyOf(byJsonShape);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Shop recipes read their own selectors on the whole page; the generic readers do with the lean one. */
    @Override
    public boolean readsLeanMarkup(java.net.URI url) {
        return byHost.stream().noneMatch(recipe -> recipe.serves(url));
    }

    @Override
    public boolean readsVariant() {
        return true;
    }

    /** The problem of the recipe {@code auto} picks for {@code url} by its host, if any. */
    @Override
    public Optional<String> variantProblem(URI url) {
        for (Recipe recipe : byHost) {
            if (recipe.serves(url)) return recipe.variantProblem(url);
        }
        return Optional.empty();
    }

    @Override
    public Optional<Finding> read(Watch watch, ParsedPage page) {
        if (watch.variant() != null) return Optional.of(named(variant(watch, page)));
        if (page.looksLikeJson()) {
            for (Recipe recipe : byJsonShape) {
                Optional<Finding> f = recipe.read(watch, page);
                if (f.isPresent()) return Optional.of(named(f.get()));
            }
            return Optional.of(Finding.unknown(NAME, page.tree() == null ? "body is not readable JSON"
                    : "JSON of no known shop shape (SmartStore, Shopify, WooCommerce, GraphQL)"));
        }
        for (Recipe recipe : byHost) {
            if (!recipe.serves(page.page().url())) continue;
            Optional<Finding> f = recipe.read(watch, page);
            if (f.isPresent() && f.get().decisive()) return Optional.of(named(f.get()));
        }
        return Optional.of(named(generic(page, watch.preorder())));
    }

    private Finding variant(Watch watch, ParsedPage page) {
        Set<String> tried = new LinkedHashSet<>();
        for (Recipe recipe : Stream.concat(byHost.stream(), byJsonShape.stream()).toList()) {
            if (!recipe.readsVariant() || !tried.add(recipe.name())) continue;
            Optional<Finding> f = recipe.read(watch, page);
            if (f.isPresent()) return f.get();
        }
        return Finding.unknown(NAME, "variant " + watch.variant() + " cannot be chosen: the page has no "
                + String.join(" or ", tried) + " product data with variants, and the whole product's availability"
                + " is not the variant's");
    }

    /** Metadata first, text second; text's sold-out vetoes metadata's in stock. */
    static Finding generic(ParsedPage page, boolean preorder) {
        Finding meta = StructuredData.read(page, preorder);
        Finding text = ProductText.read(page, preorder);
        if (meta.availability() == Availability.IN_STOCK && text.availability() == Availability.OUT_OF_STOCK) {
            return text.withPrice(meta.price()).withEvidence(text.evidence() + " vetoes " + meta.detector() + ": "
                    + meta.evidence());
        }
        if (meta.decisive()) {
            boolean addQuantity = meta.availability() == Availability.IN_STOCK && meta.quantity() == null
                    && text.quantity() != null;
            return addQuantity ? meta.withQuantity(text.quantity()).withEvidence(meta.evidence() + "; quantity from text: "
                    + text.evidence()) : meta;
        }
        if (text.decisive()) {
            String priceNote = meta.price() == null ? "" : "; " + meta.evidence();
            return text.withPrice(meta.price()).withEvidence(text.evidence() + priceNote);
        }
        return new Finding("auto", Availability.UNKNOWN, null, meta.price(), "no confident stock signal: " + meta.evidence()
                + "; " + text.evidence());
    }

    private static Finding named(Finding f) {
        return f.detector().startsWith(NAME) ? f : f.withDetector(NAME + "/" + f.detector());
    }
}
