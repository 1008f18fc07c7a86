package dev.alimi.detect;

import dev.alimi.model.Observation;
import dev.alimi.model.Watch;
import java.net.URI;
import java.util.Optional;

/** A named detector for one kind of shop or data, usable as {@code detect: NAME} and picked by {@code auto}. */
interface Recipe extends PageDetector {

    /** The name used in the config. */
    String name();

    /**
     * Reads a page of this recipe's kind; empty when the page does not have its shape, so that
     * {@code auto} can try something else. May throw; {@link Detection} turns that into ERROR.
     */
    Optional<Finding> read(Watch watch, ParsedPage page);

    /** True when {@code auto} should try this recipe first for pages at {@code url}. */
    default boolean serves(URI url) {
        return false;
    }

    /**
     * True when {@link #read} honours {@link Watch#variant()}: for a watch with a variant it decides on
     * that variant alone, or says UNKNOWN, never the whole product's availability.
     */
    default boolean readsVariant() {
        return false;
    }

    /**
     * Why a watch of this recipe at {@code url} cannot use {@code variant:}, or empty when it can;
     * checked when the config is loaded.
     */
    default Optional<String> variantProblem(URI url) {
        return readsVariant() ? Optional.empty() : Optional.of("the " + name() + " recipe reads the whole product and"
                + " cannot choose a variant; `variant` is read by the shopify recipe (detect: shopify or auto)");
    }

    /**
     * True when this recipe, for pages at {@code url}, reads only what {@code auto} reads (the
     * product area, metadata), so the page may be parsed lean ({@link LeanHtml}).
     */
    default boolean readsLeanMarkup(URI url) {
        return false;
    }

    @Override
    default Observation detect(Watch watch, ParsedPage page) {
        Finding finding = read(watch, page)
                .orElseGet(() -> Finding.unknown(name(), "page has no " + name() + " product data"));
        return finding.toObservation(watch, page.at());
    }

    /** The host of {@code url} in lower case, or "". */
    static String host(URI url) {
        return url == null || url.getHost() == null ? "" : url.getHost().toLowerCase(java.util.Locale.ROOT);
    }

    /** True when {@code host} is {@code domain} or one of its subdomains. */
    static boolean under(String host, String domain) {
        return host.equals(domain) || host.endsWith("." + domain);
    }

    /** A query parameter of {@code url}, or null. */
    static String query(URI url, String name) {
        if (url == null || url.getRawQuery() == null) return null;
        for (String pair : url.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) return pair.substring(eq + 1);
        }
        return null;
    }
}
