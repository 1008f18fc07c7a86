package dev.alimi.cli;

import dev.alimi.store.EpisodeWindow;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Buyable-window stats of one watch or one site: how many episodes, how long they stayed buyable, and
 * when restocks happen.
 *
 * @param name      the watch's or the site's name
 * @param site      the site (for a watch), or null for a site's own stats
 * @param episodes  episodes started, open ones included
 * @param open      of those, still open
 * @param closed    closed episodes, the ones the windows are measured on
 * @param median    median window length, or null without closed episodes
 * @param p90       90th percentile window length, or null without closed episodes
 * @param byHour    restocks (closed episodes) by hour of day, 0-23, in the stats' zone
 * @param byWeekday restocks (closed episodes) by weekday, in the stats' zone
 */
record WindowStats(String name, String site, long episodes, long open, int closed, Duration median, Duration p90,
        int[] byHour, Map<DayOfWeek, Integer> byWeekday) {

    static WindowStats of(String name, String site, long episodes, long open, List<EpisodeWindow> windows, ZoneId zone) {
        List<Duration> lengths = new ArrayList<>(windows.stream().map(EpisodeWindow::length).toList());
        lengths.sort(Comparator.naturalOrder());
        int[] byHour = new int[24];
        Map<DayOfWeek, Integer> byWeekday = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) byWeekday.put(d, 0);
        for (EpisodeWindow w : windows) {
            ZonedDateTime at = w.startedAt().atZone(zone);
            byHour[at.getHour()]++;
            byWeekday.merge(at.getDayOfWeek(), 1, Integer::sum);
        }
        return new WindowStats(name, site, Math.max(episodes, windows.size()), open, windows.size(),
                percentile(lengths, 0.5), percentile(lengths, 0.9), byHour, byWeekday);
    }

    /** Nearest-rank percentile of sorted lengths, or null for none. */
    static Duration percentile(List<Duration> sorted, double p) {
        if (sorted.isEmpty()) return null;
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
