package dev.alimi.store;

import dev.alimi.model.Observation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The history of checks: every transition, other observations sampled, pruned by {@link Retention}. */
public interface ObservationLog {

    /**
     * Keeps {@code o} if it is a transition, or if the watch's newest kept observation is at least
     * {@code sampleEvery} older; returns whether it was kept.
     */
    boolean record(Observation o, boolean transition, Duration sampleEvery);

    /** The newest {@code limit} kept observations of a watch, newest first. */
    List<StoredObservation> recent(String watch, int limit);

    /** Deletes what {@code retention} no longer keeps, as of {@code now}; returns how many rows went. */
    long prune(Instant now, Retention retention);
}
