package dev.alimi.store;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the observation log keeps rows: older than {@code maxAge} goes, and so does anything beyond
 * the newest {@code maxPerWatch} of a watch.
 */
public record Retention(Duration maxAge, int maxPerWatch) {

    /** A week, and at most 10 000 rows a watch. */
    public static final Retention DEFAULT = new Retention(Duration.ofDays(7), 10_000);

    public Retention {
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("retention max age must be positive, got " + maxAge);
        }
        if (maxPerWatch < 1) {
            throw new IllegalArgumentException("retention must keep at least one observation a watch, got " + maxPerWatch);
        }
    }
}
