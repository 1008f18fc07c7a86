package dev.alimi.schedule;

import java.util.List;
import java.util.Set;

/**
 * What {@link Lanes#apply} changed.
 *
 * @param started        sites whose lane was started
 * @param updated        sites whose lane was re-paced or got a new watch list
 * @param stopped        sites whose lane was stopped
 * @param removedWatches watches no longer configured: the caller forgets their tracker state
 */
public record Reconciliation(List<String> started, List<String> updated, List<String> stopped,
        Set<String> removedWatches) {

    public Reconciliation {
        started = List.copyOf(started);
        updated = List.copyOf(updated);
        stopped = List.copyOf(stopped);
        removedWatches = Set.copyOf(removedWatches);
    }
}
