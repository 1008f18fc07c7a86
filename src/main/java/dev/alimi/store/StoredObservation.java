package dev.alimi.store;

import dev.alimi.model.Observation;
import java.util.Objects;

/**
 * One observation as kept in the log.
 *
 * @param id          the store's id, increasing in insertion order
 * @param observation what the check saw
 * @param transition  true when it changed the watch's availability (always kept)
 */
public record StoredObservation(long id, Observation observation, boolean transition) {

    public StoredObservation {
        Objects.requireNonNull(observation, "observation");
    }
}
