package dev.alimi.detect;

import dev.alimi.model.Availability;

/**
 * What one signal of a rule concluded.
 *
 * @param kind         the signal's kind ({@code css}, {@code json-path}, {@code in-stock}, {@code regex})
 * @param availability IN_STOCK, OUT_OF_STOCK, UNKNOWN, or ERROR when the signal could not run
 * @param quantity     units in stock when the signal read them, else null
 * @param evidence     what matched and where
 */
record SignalResult(String kind, Availability availability, Long quantity, String evidence) {

    static SignalResult of(String kind, Availability availability, String evidence) {
        return new SignalResult(kind, availability, null, evidence);
    }

    static SignalResult unknown(String kind, String evidence) {
        return new SignalResult(kind, Availability.UNKNOWN, null, evidence);
    }
}
