package dev.alimi.store;

import dev.alimi.model.Observation;
import java.time.Instant;
import java.util.Objects;

/**
 * An alert about to be stored: one episode, one kind, one route, one channel.
 *
 * @param episodeId   the episode it is about
 * @param kind        what happened, e.g. {@code restocked}; one alert per episode, kind, route and channel
 * @param route       which route selected the channel (a stable key such as the route's name or index)
 * @param channel     the channel's name
 * @param observation the observation that made it; its time is the detection time
 * @param expiresAt   after this it is never sent
 */
public record AlertDraft(long episodeId, String kind, String route, String channel, Observation observation,
        Instant expiresAt) {

    public AlertDraft {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(observation, "observation");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The watch the observation is of. */
    public String watch() {
        return observation.watch();
    }
}
