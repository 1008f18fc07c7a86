package dev.alimi.store;

import dev.alimi.model.Observation;
import java.time.Instant;
import java.util.Objects;

/**
 * One alert in the outbox.
 *
 * @param id          the store's id
 * @param episodeId   the episode it is about
 * @param kind        what happened, e.g. {@code restocked}
 * @param route       the route that selected the channel
 * @param channel     the channel's name
 * @param status      where it stands
 * @param reason      for HELD the rule that held it, for FAILED/EXPIRED why; otherwise null
 * @param observation the observation that made it
 * @param expiresAt   after this it is never sent
 */
public record Alert(long id, long episodeId, String kind, String route, String channel, AlertStatus status,
        String reason, Observation observation, Instant expiresAt) {

    public Alert {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(observation, "observation");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The watch it is about. */
    public String watch() {
        return observation.watch();
    }

    /** When the response that made it was received. */
    public Instant detectedAt() {
        return observation.observedAt();
    }
}
