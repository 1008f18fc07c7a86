package dev.alimi.detect;

import dev.alimi.model.Availability;
import dev.alimi.model.Watch;
import java.util.List;
import java.util.Optional;

/**
 * {@code detect: auto}: a shop recipe chosen by the URL's host or the JSON's shape, else
 * JSON-LD, microdata and OpenGraph, then the visible text of the product area. An out-of-stock
 * phrase in the product area vetoes metadata that says in stock (shops lie in metadata); nothing
 * confident is UNKNOWN, never a guess.
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
    public Optional<Finding> read(Watch watch, ParsedPage page) {
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
        return Optional.of(named(generic(page)));
    }

    /** Metadata first, text second; text's sold-out vetoes metadata's in stock. */
    static Finding generic(ParsedPage page) {
        Finding meta = StructuredData.read(page);
        Finding text = ProductText.read(page);
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
