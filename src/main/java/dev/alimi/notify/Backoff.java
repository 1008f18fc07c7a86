package dev.alimi.notify;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential backoff between retries of a retryable failure (5xx, timeout, I/O error).
 *
 * @param initial    the wait after the first failure
 * @param max        the longest wait
 * @param multiplier how much each wait grows, at least 1
 */
public record Backoff(Duration initial, Duration max, double multiplier) {

    /** 500 ms, doubling, at most 30 s: a few quick retries, then patience until the TTL ends. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), 2.0);

    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 <= initial <= max, got " + initial + " and " + max);
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("backoff multiplier must be a finite number >= 1, got " + multiplier);
        }
    }

    /** The wait after {@code failures} failed attempts in a row (1 for the first failure). */
    public Duration delay(int failures) {
        double millis = initial.toMillis() * Math.pow(multiplier, Math.max(0, failures - 1));
        return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
    }
}
