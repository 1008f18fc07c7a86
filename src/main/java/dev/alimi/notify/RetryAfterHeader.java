package dev.alimi.notify;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads a {@code Retry-After} value: delay seconds (decimals tolerated) or an HTTP-date (RFC 9110). */
final class RetryAfterHeader {

    private RetryAfterHeader() {}

    static Optional<Duration> parse(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.matches("\\d{1,9}(\\.\\d{1,9})?")) {
            return Optional.of(seconds(new BigDecimal(v)));
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration d = Duration.between(clock.instant(), at.toInstant());
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Seconds with decimals as a duration in whole milliseconds, rounded up; negative becomes zero. */
    static Duration seconds(BigDecimal seconds) {
        if (seconds.signum() <= 0) {
            return Duration.ZERO;
        }
        BigDecimal millis = seconds.movePointRight(3).setScale(0, java.math.RoundingMode.CEILING);
        return Duration.ofMillis(millis.min(BigDecimal.valueOf(Long.MAX_VALUE / 2)).longValueExact());
    }
}
