package dev.alimi.detect;

import dev.alimi.model.Availability;
import dev.alimi.model.Observation;
import dev.alimi.model.Watch;
import java.time.Instant;

/**
 * What one part of a recipe concluded about a page: its decision (UNKNOWN when it has none),
 * quantity and price when it read them, and why.
 *
 * @param detector     which detector or reader decided ({@code json-ld}, {@code text}, {@code shopify} …)
 * @param availability the decision; UNKNOWN when this reader found nothing decisive
 * @param quantity     units in stock, or null
 * @param price        the product's own price, or null
 * @param evidence     what was read and where
 */
record Finding(String detector, Availability availability, Long quantity, Price price, String evidence) {

    static Finding of(String detector, Availability availability, String evidence) {
        return new Finding(detector, availability, null, null, evidence);
    }

    static Finding unknown(String detector, String evidence) {
        return new Finding(detector, Availability.UNKNOWN, null, null, evidence);
    }

    boolean decisive() {
        return availability.isDecisive();
    }

    Finding withDetector(String name) {
        return new Finding(name, availability, quantity, price, evidence);
    }

    Finding withAvailability(Availability newAvailability) {
        return new Finding(detector, newAvailability, quantity, price, evidence);
    }

    Finding withPrice(Price newPrice) {
        return new Finding(detector, availability, quantity, newPrice, evidence);
    }

    Finding withQuantity(Long newQuantity) {
        return new Finding(detector, availability, newQuantity, price, evidence);
    }

    Finding withEvidence(String newEvidence) {
        return new Finding(detector, availability, quantity, price, newEvidence);
    }

    /** The observation for {@code watch}; a price is only reported with a decision or alone. */
    Observation toObservation(Watch watch, Instant at) {
        return new Observation(watch.name(), availability, quantity,
                price == null ? null : price.amount(), price == null ? null : price.currency(),
                Evidence.cap(evidence), detector, at);
    }
}
