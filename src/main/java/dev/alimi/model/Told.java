package dev.alimi.model;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What the users of one alert were last told: the alert's own price and quantity until a change update told
 * them newer ones. Changes are measured against this, so slow drift adds up and small jitter never speaks.
 *
 * @param price     the price they saw, or null when none was shown
 * @param quantity  the quantity they saw, or null when none was shown
 * @param updatedAt when the last change update went out, or null when there was none yet
 */
public record Told(BigDecimal price, Long quantity, Instant updatedAt) {

    /** What an observation tells; a fact it lacks keeps the one told before, so a missed price keeps its baseline. */
    public Told retold(Observation o, Instant at) {
        return new Told(o.price() != null ? o.price() : price, o.quantity() != null ? o.quantity() : quantity, at);
    }
}
