package dev.alimi.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Which events reach which channels. Empty filters match everything; filters of one kind match
 * when any value matches, and all given kinds must match.
 *
 * @param name     the route's stable key in the store (alerts are once per episode and route), or null
 * @param to       channel names
 * @param tags     watch tags it selects
 * @param sites    site names it selects
 * @param watches  watch names it selects
 * @param rules    the route's own alert rules, overriding the watch's and the site's
 * @param followUp what to do with sent alerts when the episode ends: {@code edit}, {@code reply} or {@code none}
 */
public record Route(String name, List<String> to, List<String> tags, List<String> sites, List<String> watches,
        Rules rules, String followUp) {

    /** The key used when there are no routes: every channel gets every alert. */
    public static final String ALL = "*";

    public Route {
        to = List.copyOf(to);
        tags = tags == null ? List.of() : List.copyOf(tags);
        sites = sites == null ? List.of() : List.copyOf(sites);
        watches = watches == null ? List.of() : List.copyOf(watches);
        rules = rules == null ? Rules.NONE : rules;
        followUp = followUp == null ? "edit" : followUp;
    }

    /** A route without a name or rules of its own. */
    public Route(List<String> to, List<String> tags, List<String> sites, List<String> watches) {
        this(null, to, tags, sites, watches, Rules.NONE, null);
    }

    public boolean matches(Watch watch) {
        return (tags.isEmpty() || watch.tags().stream().anyMatch(tags::contains))
                && (sites.isEmpty() || sites.contains(watch.site()))
                && (watches.isEmpty() || watches.contains(watch.name()));
    }

    /**
     * The stable key of this route: its name, else a canonical string of its filters and channels, so a
     * restart (or a reorder of routes) keeps the key and never re-alerts an episode.
     */
    public String key() {
        if (name != null && !name.isBlank()) return name;
        List<String> parts = new ArrayList<>();
        parts.add("to=" + String.join(",", to.stream().sorted().toList()));
        if (!tags.isEmpty()) parts.add("tags=" + String.join(",", tags.stream().sorted().toList()));
        if (!sites.isEmpty()) parts.add("sites=" + String.join(",", sites.stream().sorted().toList()));
        if (!watches.isEmpty()) parts.add("watches=" + String.join(",", watches.stream().sorted().toList()));
        return String.join(";", parts);
    }
}
