package dev.alimi.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The result of one check of one watch.
 *
 * @param watch        the watch's name
 * @param availability the decision
 * @param quantity     units in stock when the page says so, else null
 * @param price        the price when found, else null
 * @param currency     ISO currency code when known, else null
 * @param evidence     human-readable reason for the decision: what matched, where
 * @param detector     the detector that decided (e.g. {@code css}, {@code json-path}, {@code fetch})
 * @param observedAt   when the response was received (the start of alert latency)
 */
public record Observation(
        String watch,
        Availability availability,
        Long quantity,
        BigDecimal price,
        String currency,
        String evidence,
        String detector,
        Instant observedAt) {

    public Observation {
        Objects.requireNonNull(watch, "watch");
        Objects.requireNonNull(availability, "availability");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(observedAt, "observedAt");
    }

    /** An observation with only a decision and its reason. */
    public static Observation of(String watch, Availability availability, String evidence, String detector, Instant at) {
        return new Observation(watch, availability, null, null, null, evidence, detector, at);
    }

    public Observation withPrice(BigDecimal newPrice, String newCurrency) {
        return new Observation(watch, availability, quantity, newPrice, newCurrency, evidence, detector, observedAt);
    }

    public Observation withWatch(String newWatch) {
        return new Observation(newWatch, availability, quantity, price, currency, evidence, detector, observedAt);
    }
}
