package dev.alimi.schedule;

import dev.alimi.model.Rate;
import java.time.Instant;
import java.util.Objects;

/**
 * The pacing state of one site: when the last request started and the rate that spaces starts.
 *
 * <p>Its owner keeps one per site name for the life of the process, so lane restarts, re-pacing
 * and config reloads never reset it and never let a site see a burst. There is no token bucket:
 * idle time earns no credit, so the gap between two starts is never below the spacing.
 * Thread-safe.
 */
public final class SiteBudget {

    private Rate rate;
    private Instant lastStart;

    public SiteBudget(Rate rate) {
        this.rate = Objects.requireNonNull(rate, "rate");
    }

    /** The rate in force. */
    public synchronized Rate rate() {
        return rate;
    }

    /** Changes the rate; the next start is then the last start plus the new spacing. */
    public synchronized void repace(Rate newRate) {
        this.rate = Objects.requireNonNull(newRate, "rate");
    }

    /** The earliest instant the next request may start; {@link Instant#MIN} before the first. */
    public synchronized Instant nextStart() {
        return lastStart == null ? Instant.MIN : lastStart.plus(rate.spacing());
    }

    /** When the last request started, or null before the first. */
    public synchronized Instant lastStart() {
        return lastStart;
    }

    /** Takes the budget for a request starting at {@code now}; false (and nothing taken) when too early. */
    public synchronized boolean tryStart(Instant now) {
        if (now.isBefore(nextStart())) return false;
        lastStart = now;
        return true;
    }

    @Override
    public synchronized String toString() {
        return "SiteBudget[" + rate + ", last start " + lastStart + "]";
    }
}
