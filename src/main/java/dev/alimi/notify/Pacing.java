package dev.alimi.notify;

import java.time.Duration;
import java.util.Objects;

/**
 * A service's documented sending rate for one channel: up to {@code burst} messages at once, then one every
 * {@code interval}. The dispatcher holds alerts back to it instead of running into 429s.
 *
 * @param burst    messages that may go out back to back, at least 1
 * @param interval the steady gap between messages; zero means no limit
 */
public record Pacing(int burst, Duration interval) {

    /** No documented limit: send as soon as asked. */
    public static final Pacing UNLIMITED = new Pacing(1, Duration.ZERO);

    public Pacing {
        Objects.requireNonNull(interval, "interval");
        if (burst < 1 || interval.isNegative()) {
            throw new IllegalArgumentException("pacing needs burst >= 1 and interval >= 0, got " + burst + ", "
                    + interval);
        }
    }

    /** {@code burst} at once, then {@code count} per {@code per}. */
    public static Pacing of(int burst, int count, Duration per) {
        return new Pacing(burst, per.dividedBy(count));
    }

    public boolean unlimited() {
        return interval.isZero();
    }
}
