package dev.alimi.model;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * One product (or variant) on a site.
 *
 * @param name         unique name, shown in alerts
 * @param site         name of the site whose budget it uses (never null once loaded)
 * @param url          the page or API to check; also the link in alerts unless {@code link} is set
 * @param link         the page people should open, or null for {@code url}
 * @param request      how to ask for the page
 * @param detect       how to decide availability
 * @param interval     the shortest gap between two checks of this watch
 * @param tags         tags for routes
 * @param rules        the watch's own alert rules (min-stock, max-price, …); the site's fill the gaps
 * @param confirmIn    in-stock observations in a row needed before an episode starts (at least 1)
 * @param confirmOut   out-of-stock observations in a row needed before an episode ends (at least 1)
 * @param preorder     true: pre-order, pre-sale and back-order offers count as in stock (default false)
 * @param variant      the variant whose availability decides (a shop's variant id), or null for the
 *                     whole product or the one the URL names
 */
public record Watch(
        String name,
        String site,
        URI url,
        URI link,
        RequestSpec request,
        DetectSpec detect,
        Duration interval,
        List<String> tags,
        Rules rules,
        int confirmIn,
        int confirmOut,
        boolean preorder,
        String variant) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

    public Watch {
        request = request == null ? RequestSpec.GET : request;
        tags = tags == null ? List.of() : List.copyOf(tags);
        rules = rules == null ? Rules.NONE : rules;
        if (confirmIn < 1 || confirmOut < 1) throw new IllegalArgumentException("confirm counts must be at least 1");
        variant = variant == null || variant.isBlank() ? null : variant.strip();
    }

    /** A watch that counts pre-orders as out of stock and names no variant. */
    public Watch(String name, String site, URI url, URI link, RequestSpec request, DetectSpec detect, Duration interval,
                 List<String> tags, Rules rules, int confirmIn, int confirmOut) {
        this(name, site, url, link, request, detect, interval, tags, rules, confirmIn, confirmOut, false, null);
    }

    /** A watch with only the price and stock rules, confirming on the first observation. */
    public Watch(String name, String site, URI url, URI link, RequestSpec request, DetectSpec detect, Duration interval,
                 Integer minStock, BigDecimal maxPrice, BigDecimal maxUnitPrice, Integer units, List<String> tags) {
        this(name, site, url, link, request, detect, interval, tags,
                new Rules(minStock, null, maxPrice, maxUnitPrice, units, null, null, null), 1, 1);
    }

    /** Fewer known units than this is not worth an alert, or null. */
    public Integer minStock() {
        return rules.minStock();
    }

    /** Above this price is not worth an alert, or null. */
    public BigDecimal maxPrice() {
        return rules.maxPrice();
    }

    /** Above this price per unit is not worth an alert, or null. */
    public BigDecimal maxUnitPrice() {
        return rules.maxUnitPrice();
    }

    /** Units in one purchase, for the unit price, or null. */
    public Integer units() {
        return rules.units();
    }

    /** This watch counting pre-orders as in stock or not. */
    public Watch withPreorder(boolean newPreorder) {
        return new Watch(name, site, url, link, request, detect, interval, tags, rules, confirmIn, confirmOut, newPreorder,
                variant);
    }

    /** This watch deciding on the variant with id {@code newVariant} (null: none). */
    public Watch withVariant(String newVariant) {
        return new Watch(name, site, url, link, request, detect, interval, tags, rules, confirmIn, confirmOut, preorder,
                newVariant);
    }

    /** The URL people open from an alert. */
    public URI buyUrl() {
        return link != null ? link : url;
    }
}
