package dev.alimi.store;

import java.time.Instant;
import java.util.List;

/** What buyable-window stats read: closed episodes with their lengths, and counts; a null {@code since} means all. */
public interface StatsQueries {

    /** Closed episodes started at or after {@code since}, of every watch, oldest first. */
    List<EpisodeWindow> windows(Instant since);

    /** Closed episodes of one watch started at or after {@code since}, oldest first. */
    List<EpisodeWindow> windowsOfWatch(String watch, Instant since);

    /** Closed episodes of one site's watches started at or after {@code since}, oldest first. */
    List<EpisodeWindow> windowsOfSite(String site, Instant since);

    /** Episodes started at or after {@code since}, counted per watch, by watch name. */
    List<EpisodeCount> counts(Instant since);
}
