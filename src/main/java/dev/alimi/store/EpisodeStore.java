package dev.alimi.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** In-stock episodes: started on a restock, updated while buyable, ended on a confirmed sell-out. */
public interface EpisodeStore {

    /**
     * Starts the episode of {@code watch} that began at {@code startedAt}, or returns it unchanged when it
     * was already started (a replay after a restart starts nothing new).
     */
    Episode start(String watch, String site, Instant startedAt, Long quantity, BigDecimal price, String currency);

    /** Records the latest in-stock quantity and price of an open episode; false when it is not open. */
    boolean update(long episodeId, Long quantity, BigDecimal price);

    /** Ends an open episode at {@code endedAt}; empty when there is no such open episode. */
    Optional<Episode> end(long episodeId, Instant endedAt);

    /** One episode by id. */
    Optional<Episode> find(long episodeId);

    /** The newest open episode of a watch. */
    Optional<Episode> open(String watch);

    /** Episodes of a watch started at or after {@code since}, newest first, at most {@code limit}. */
    List<Episode> ofWatch(String watch, Instant since, int limit);
}
