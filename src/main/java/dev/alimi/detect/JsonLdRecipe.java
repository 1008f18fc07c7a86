package dev.alimi.detect;

import dev.alimi.model.Watch;
import java.net.URI;
import java.util.Optional;

/** The structured-data part of {@code auto} alone (JSON-LD, microdata, OpenGraph), for shops whose metadata is honest. */
final class JsonLdRecipe implements Recipe {

    static final String NAME = "json-ld";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean readsLeanMarkup(URI url) {
        return true;
    }

    @Override
    public Optional<Finding> read(Watch watch, ParsedPage page) {
        if (page.looksLikeJson()) return Optional.empty();
        Finding f = StructuredData.read(page, watch.preorder());
        return Optional.of(f.detector().equals(NAME) ? f : f.withDetector(NAME + "/" + f.detector()));
    }
}
