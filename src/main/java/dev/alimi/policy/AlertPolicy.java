package dev.alimi.policy;

import dev.alimi.model.Availability;
import dev.alimi.model.BlackoutWindow;
import dev.alimi.model.Catalog;
import dev.alimi.model.Observation;
import dev.alimi.model.Route;
import dev.alimi.model.Rules;
import dev.alimi.model.Site;
import dev.alimi.model.StockEvent;
import dev.alimi.model.Watch;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a restock becomes an alert, route by route.
 *
 * <p>Holds restocks that users told us are noise: sign-up shops, too few units left, too expensive in
 * total or per unit, and drops inside a blackout window. Each route applies its own rules over the
 * watch's, over the site's. An unknown price never holds; an unknown quantity holds only under
 * {@code require-quantity}. Blackouts are judged at the observation's time (stamped by the injected
 * clock). Stateless and thread-safe; the cooldown, which needs history, is applied by the caller.
 */
public final class AlertPolicy {

    /** Decides for one event against the catalog it was produced under, all routes together. */
    public Decision decide(StockEvent event, Catalog catalog) {
        return switch (event) {
            case StockEvent.SoldOut soldOut -> new Decision.Hold("sold-out", "sold-out events are not alerted");
            case StockEvent.Changed changed -> new Decision.Hold("changed", "changes update sent alerts, they are not alerts");
            case StockEvent.Restocked restocked -> combine(restocked.watch(), routes(restocked.watch(), restocked.observation(), catalog));
        };
    }

    /** One decision per route that selects the watch (one {@code *} route when the config has none). */
    public List<RouteDecision> routes(Watch watch, Observation o, Catalog catalog) {
        Site site = catalog.sites().get(watch.site());
        Rules base = watch.rules().over(site == null ? null : site.rules());
        List<RouteDecision> out = new ArrayList<>();
        if (catalog.routes().isEmpty()) {
            List<String> all = List.copyOf(catalog.channels().keySet());
            out.add(new RouteDecision(Route.ALL, all, decide(watch, o, base, all), base.cooldown()));
            return out;
        }
        for (Route route : catalog.routes()) {
            if (!route.matches(watch)) continue;
            Rules rules = route.rules().over(base);
            out.add(new RouteDecision(route.key(), route.to(), decide(watch, o, rules, route.to()), rules.cooldown()));
        }
        return out;
    }

    /** The rules that apply to {@code watch} on one route (route over watch over site). */
    public static Rules effectiveRules(Watch watch, Route route, Catalog catalog) {
        Site site = catalog.sites().get(watch.site());
        Rules base = watch.rules().over(site == null ? null : site.rules());
        return route == null ? base : route.rules().over(base);
    }

    private static Decision decide(Watch watch, Observation o, Rules rules, List<String> channels) {
        return hold(watch, o, rules).<Decision>map(h -> h)
                .orElseGet(() -> channels.isEmpty()
                        ? new Decision.Hold("no-channel", "no channel to send to")
                        : new Decision.Send(channels));
    }

    /** The first rule that holds this observation, if any. */
    static Optional<Decision.Hold> hold(Watch watch, Observation o, Rules rules) {
        if (o.availability() != Availability.IN_STOCK) {
            return Optional.of(new Decision.Hold("doubt", "observation is " + o.availability() + ", not IN_STOCK"));
        }
        if (rules.signupRequired()) {
            return Optional.of(new Decision.Hold("requires-signup", "site " + watch.site() + " requires sign-up before buying"));
        }
        if (rules.minStock() != null) {
            if (o.quantity() == null && rules.quantityRequired()) {
                return Optional.of(new Decision.Hold("min-stock", "quantity unknown and require-quantity is set (min-stock " + rules.minStock() + ")"));
            }
            if (o.quantity() != null && o.quantity() < rules.minStock()) {
                return Optional.of(new Decision.Hold("min-stock", o.quantity() + " in stock, below min-stock " + rules.minStock()));
            }
        }
        if (rules.maxPrice() != null && o.price() != null && o.price().compareTo(rules.maxPrice()) > 0) {
            return Optional.of(new Decision.Hold("max-price", "price " + plain(o.price()) + " above max-price " + plain(rules.maxPrice())));
        }
        if (rules.maxUnitPrice() != null && o.price() != null) {
            BigDecimal unitPrice = unitPrice(o.price(), rules.units());
            if (unitPrice.compareTo(rules.maxUnitPrice()) > 0) {
                return Optional.of(new Decision.Hold("max-unit-price", "unit price " + plain(unitPrice) + " (price " + plain(o.price())
                        + " / " + units(rules.units()) + " units) above max-unit-price " + plain(rules.maxUnitPrice())));
            }
        }
        for (String text : rules.blackoutWindows()) {
            if (BlackoutWindow.parse(text).contains(o.observedAt())) {
                return Optional.of(new Decision.Hold("blackout", "inside blackout window \"" + text + "\""));
            }
        }
        return Optional.empty();
    }

    private static Decision combine(Watch watch, List<RouteDecision> routes) {
        Set<String> channels = new LinkedHashSet<>();
        Decision.Hold firstHold = null;
        for (RouteDecision r : routes) {
            switch (r.decision()) {
                case Decision.Send send -> channels.addAll(send.channels());
                case Decision.Hold hold -> firstHold = firstHold == null ? hold : firstHold;
            }
        }
        if (!channels.isEmpty()) return new Decision.Send(List.copyOf(channels));
        if (firstHold != null) return firstHold;
        return new Decision.Hold("no-route", "no route sends watch " + watch.name() + " to a channel");
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
