package dev.alimi.policy;

import dev.alimi.model.Availability;
import dev.alimi.model.Catalog;
import dev.alimi.model.Observation;
import dev.alimi.model.Route;
import dev.alimi.model.Site;
import dev.alimi.model.StockEvent;
import dev.alimi.model.Watch;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a stock event becomes an alert and to which channels.
 *
 * <p>Holds restocks that users told us are noise: sign-up shops, too few units left, too
 * expensive in total or per unit. Unknown quantity or price never holds: the thresholds apply
 * only to what the page actually said. Stateless and thread-safe.
 */
public final class AlertPolicy {

    /** Decides for one event against the catalog it was produced under. */
    public Decision decide(StockEvent event, Catalog catalog) {
        return switch (event) {
            case StockEvent.SoldOut soldOut -> new Decision.Hold("sold-out events are not alerted yet");
            case StockEvent.Restocked restocked -> decideRestock(restocked.watch(), restocked.observation(), catalog);
        };
    }

    private Decision decideRestock(Watch watch, Observation o, Catalog catalog) {
        if (o.availability() != Availability.IN_STOCK) {
            return new Decision.Hold("observation is " + o.availability() + ", not IN_STOCK");
        }
        Site site = catalog.sites().get(watch.site());
        if (site != null && site.requiresSignup()) {
            return new Decision.Hold("site " + site.name() + " requires sign-up before buying");
        }
        if (watch.minStock() != null && o.quantity() != null && o.quantity() < watch.minStock()) {
            return new Decision.Hold(o.quantity() + " in stock, below min-stock " + watch.minStock());
        }
        if (watch.maxPrice() != null && o.price() != null && o.price().compareTo(watch.maxPrice()) > 0) {
            return new Decision.Hold("price " + plain(o.price()) + " above max-price " + plain(watch.maxPrice()));
        }
        if (watch.maxUnitPrice() != null && o.price() != null) {
            BigDecimal unitPrice = unitPrice(o.price(), watch.units());
            if (unitPrice.compareTo(watch.maxUnitPrice()) > 0) {
                return new Decision.Hold("unit price " + plain(unitPrice) + " (price " + plain(o.price()) + " / "
                        + units(watch.units()) + " units) above max-unit-price " + plain(watch.maxUnitPrice()));
            }
        }
        List<String> channels = channelsFor(watch, catalog);
        if (channels.isEmpty()) {
            return new Decision.Hold("no route sends watch " + watch.name() + " to a channel");
        }
        return new Decision.Send(channels);
    }

    /** Every channel of every matching route, each once, in config order; no routes means every channel. */
    static List<String> channelsFor(Watch watch, Catalog catalog) {
        if (catalog.routes().isEmpty()) {
            return List.copyOf(catalog.channels().keySet());
        }
        Set<String> channels = new LinkedHashSet<>();
        for (Route route : catalog.routes()) {
            if (route.matches(watch)) channels.addAll(route.to());
        }
        return List.copyOf(channels);
    }

    /** Price per unit; a watch without units (or a nonsensical count) is one unit per purchase. */
    static BigDecimal unitPrice(BigDecimal price, Integer units) {
        return price.divide(BigDecimal.valueOf(units(units)), MathContext.DECIMAL64);
    }

    private static int units(Integer units) {
        return units == null || units < 1 ? 1 : units;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
