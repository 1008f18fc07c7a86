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
 * @param minStock     fewer known units than this is not worth an alert, or null
 * @param maxPrice     above this price is not worth an alert, or null
 * @param maxUnitPrice above this price per unit is not worth an alert, or null
 * @param units        units in one purchase, for the unit price, or null
 * @param tags         tags for routes
 */
public record Watch(
        String name,
        String site,
        URI url,
        URI link,
        RequestSpec request,
        DetectSpec detect,
        Duration interval,
        Integer minStock,
        BigDecimal maxPrice,
        BigDecimal maxUnitPrice,
        Integer units,
        List<String> tags) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

    public Watch {
        request = request == null ? RequestSpec.GET : request;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** The URL people open from an alert. */
    public URI buyUrl() {
        return link != null ? link : url;
    }
}
