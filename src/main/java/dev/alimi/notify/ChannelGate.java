package dev.alimi.notify;

import java.time.Duration;
import java.time.Instant;

/**
 * When the next message may go out on one channel: its {@link Pacing} (a GCRA token bucket) and the latest
 * time a receiver announced with a 429. Shared by every delivery to the channel, so one alert's 429 holds
 * back the others too.
 */
final class ChannelGate {

    private final Pacing pacing;
    private Instant theoreticalArrival = Instant.MIN;
    private Instant notBefore = Instant.MIN;

    ChannelGate(Pacing pacing) {
        this.pacing = pacing;
    }

    /** Takes the next sending slot at or after {@code earliest} and returns its time. */
    synchronized Instant reserve(Instant earliest) {
        Instant start = max(earliest, notBefore);
        if (pacing.unlimited()) {
            return start;
        }
        Instant tat = max(theoreticalArrival, start);
        Instant allowedAt = tat.minus(pacing.interval().multipliedBy(pacing.burst() - 1L));
        Instant sendAt = max(start, allowedAt);
        theoreticalArrival = max(tat, sendAt).plus(pacing.interval());
        return sendAt;
    }

    /** A receiver said: nothing before {@code until}. */
    synchronized void holdUntil(Instant until) {
        notBefore = max(notBefore, until);
    }

    /** The announced time before which nothing may be sent. */
    synchronized Instant notBefore() {
        return notBefore;
    }

    static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    static Duration until(Instant now, Instant then) {
        return then.isAfter(now) ? Duration.between(now, then) : Duration.ZERO;
    }
}
