package dev.alimi.policy;

import java.util.List;
import java.util.Objects;

/**
 * The policy's decision for one route of one restock.
 *
 * @param route    the route's stable key ({@link dev.alimi.model.Route#key()}, or {@code *} without routes)
 * @param channels the route's channels
 * @param decision send to them, or hold with the rule that held it
 * @param cooldown the route's cooldown (a new episode this soon after the route's last alert is held), or null
 */
public record RouteDecision(String route, List<String> channels, Decision decision, java.time.Duration cooldown) {

    public RouteDecision {
        Objects.requireNonNull(route, "route");
        channels = List.copyOf(channels);
        Objects.requireNonNull(decision, "decision");
    }
}
