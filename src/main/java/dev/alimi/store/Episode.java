package dev.alimi.store;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One continuous in-stock period of a watch: the buyable window.
 *
 * @param id            the store's id
 * @param watch         the watch's name
 * @param site          the watch's site, for per-site stats
 * @param startedAt     the first IN_STOCK observation
 * @param endedAt       the confirmed OUT_OF_STOCK that ended it, or null while open
 * @param firstQuantity units at the start, or null when unknown
 * @param lastQuantity  units at the latest in-stock observation, or null when unknown
 * @param firstPrice    price at the start, or null
 * @param lastPrice     price at the latest in-stock observation, or null
 * @param currency      ISO currency code, or null
 */
public record Episode(
        long id,
        String watch,
        String site,
        Instant startedAt,
        Instant endedAt,
        Long firstQuantity,
        Long lastQuantity,
        BigDecimal firstPrice,
        BigDecimal lastPrice,
        String currency) {

    public Episode {
        Objects.requireNonNull(watch, "watch");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    /** True until the episode is ended. */
    public boolean isOpen() {
        return endedAt == null;
    }

    /** The buyable window, empty while open. */
    public Optional<Duration> length() {
        return isOpen() ? Optional.empty() : Optional.of(Duration.between(startedAt, endedAt));
    }
}
