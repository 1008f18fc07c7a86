package dev.alimi.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One closed episode as the stats see it.
 *
 * @param watch     the watch's name
 * @param site      the watch's site
 * @param startedAt when it became buyable
 * @param endedAt   when it sold out
 */
public record EpisodeWindow(String watch, String site, Instant startedAt, Instant endedAt) {

    public EpisodeWindow {
        Objects.requireNonNull(watch, "watch");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
    }

    /** The buyable window's length. */
    public Duration length() {
        return Duration.between(startedAt, endedAt);
    }
}
