package dev.alimi.model;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * The alert rules of a watch, a site or a route; every field is optional (null: not set here).
 * A route's rules override the watch's, which override the site's ({@link #over}).
 *
 * @param minStock        fewer known units than this is not worth an alert
 * @param requireQuantity true: an unknown quantity does not pass {@code minStock}
 * @param maxPrice        above this price is not worth an alert
 * @param maxUnitPrice    above this price per unit is not worth an alert
 * @param units           units in one purchase, for the unit price
 * @param blackout        windows like {@code "Mon-Fri 10:00-11:00 Asia/Seoul"} when alerts are held
 * @param requiresSignup  true: checked and shown, never alerted
 * @param cooldown        a new episode within this of the last alert on the same route is not alerted
 * @param priceChange     percent the price must move, against what users were last told, to update an alerted
 *                        episode's messages; zero: never (unset: {@link #DEFAULT_PRICE_CHANGE})
 */
public record Rules(
        Integer minStock,
        Boolean requireQuantity,
        BigDecimal maxPrice,
        BigDecimal maxUnitPrice,
        Integer units,
        List<String> blackout,
        Boolean requiresSignup,
        Duration cooldown,
        BigDecimal priceChange) {

    /** The price change, in percent, that updates an alerted episode when {@code price-change} is not set. */
    public static final BigDecimal DEFAULT_PRICE_CHANGE = BigDecimal.TEN;

    public static final Rules NONE = new Rules(null, null, null, null, null, null, null, null, null);

    public Rules {
        blackout = blackout == null ? null : List.copyOf(blackout);
        if (priceChange != null && priceChange.signum() < 0) {
            throw new IllegalArgumentException("price-change must not be negative, got " + priceChange);
        }
    }

    /** Rules without a {@code price-change} of their own. */
    public Rules(Integer minStock, Boolean requireQuantity, BigDecimal maxPrice, BigDecimal maxUnitPrice, Integer units,
            List<String> blackout, Boolean requiresSignup, Duration cooldown) {
        this(minStock, requireQuantity, maxPrice, maxUnitPrice, units, blackout, requiresSignup, cooldown, null);
    }

    /** These rules where set, {@code fallback}'s elsewhere. */
    public Rules over(Rules fallback) {
        if (fallback == null) return this;
        return new Rules(
                minStock != null ? minStock : fallback.minStock,
                requireQuantity != null ? requireQuantity : fallback.requireQuantity,
                maxPrice != null ? maxPrice : fallback.maxPrice,
                maxUnitPrice != null ? maxUnitPrice : fallback.maxUnitPrice,
                units != null ? units : fallback.units,
                blackout != null ? blackout : fallback.blackout,
                requiresSignup != null ? requiresSignup : fallback.requiresSignup,
                cooldown != null ? cooldown : fallback.cooldown,
                priceChange != null ? priceChange : fallback.priceChange);
    }

    /** The price change in percent that updates an alerted episode; zero when switched off. */
    public BigDecimal priceChangePercent() {
        return priceChange != null ? priceChange : DEFAULT_PRICE_CHANGE;
    }

    /** The blackout windows, empty when none. */
    public List<String> blackoutWindows() {
        return blackout == null ? List.of() : blackout;
    }

    public boolean signupRequired() {
        return Boolean.TRUE.equals(requiresSignup);
    }

    public boolean quantityRequired() {
        return Boolean.TRUE.equals(requireQuantity);
    }
}
