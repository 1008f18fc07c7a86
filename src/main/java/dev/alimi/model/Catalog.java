package dev.alimi.model;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything a validated config says: sites (named and implicit), watches, channels, routes.
 *
 * @param source   the config file it came from, or null when built in code
 * @param sites    every site by name, implicit ones included, in config order
 * @param watches  every watch, in config order
 * @param channels every channel by name
 * @param routes   which events reach which channels; empty means every channel gets every alert
 * @param admin    channels for operator messages
 * @param alertTtl an alert older than this is dropped, never delivered late
 * @param web      dashboard settings
 * @param store    the store URL ({@code sqlite:alimi.db} or {@code postgresql://…})
 */
public record Catalog(
        Path source,
        Map<String, Site> sites,
        List<Watch> watches,
        Map<String, ChannelSpec> channels,
        List<Route> routes,
        List<String> admin,
        Duration alertTtl,
        WebSettings web,
        String store) {

    public static final Duration DEFAULT_ALERT_TTL = Duration.ofMinutes(5);

    public Catalog {
        sites = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sites));
        watches = List.copyOf(watches);
        channels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(channels));
        routes = List.copyOf(routes);
        admin = List.copyOf(admin);
    }

    /** The watches that use one site's budget, in config order. */
    public List<Watch> watchesOf(String site) {
        return watches.stream().filter(w -> w.site().equals(site)).toList();
    }
}
