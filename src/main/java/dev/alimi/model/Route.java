package dev.alimi.model;

import java.util.List;

/**
 * Which events reach which channels. Empty filters match everything; filters of one kind match
 * when any value matches, and all given kinds must match.
 */
public record Route(List<String> to, List<String> tags, List<String> sites, List<String> watches) {

    public Route {
        to = List.copyOf(to);
        tags = tags == null ? List.of() : List.copyOf(tags);
        sites = sites == null ? List.of() : List.copyOf(sites);
        watches = watches == null ? List.of() : List.copyOf(watches);
    }

    public boolean matches(Watch watch) {
        return (tags.isEmpty() || watch.tags().stream().anyMatch(tags::contains))
                && (sites.isEmpty() || sites.contains(watch.site()))
                && (watches.isEmpty() || watches.contains(watch.name()));
    }
}
