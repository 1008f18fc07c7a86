package dev.alimi.schedule;

import dev.alimi.fetch.SiteFetcher;
import dev.alimi.model.Site;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** One fetcher per site, replaced when the site's settings change and closed when the site goes. */
public final class SiteFetchers implements AutoCloseable {

    private record Entry(Site site, SiteFetcher fetcher) {}

    private final Clock clock;
    private final Map<String, Entry> bySite = new ConcurrentHashMap<>();

    public SiteFetchers(Clock clock) {
        this.clock = clock;
    }

    /** The fetcher for this site as configured now. */
    public SiteFetcher forSite(Site site) {
        Entry e = bySite.compute(site.name(), (name, old) -> {
            if (old != null && old.site().equals(site)) return old;
            if (old != null) old.fetcher().close();
            return new Entry(site, new SiteFetcher(site, clock));
        });
        return e.fetcher();
    }

    /** Closes the fetchers of sites no longer configured. */
    public void retain(Set<String> siteNames) {
        bySite.entrySet().removeIf(e -> {
            if (siteNames.contains(e.getKey())) return false;
            e.getValue().fetcher().close();
            return true;
        });
    }

    @Override
    public void close() {
        bySite.values().forEach(e -> e.fetcher().close());
        bySite.clear();
    }
}
