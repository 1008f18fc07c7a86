package dev.alimi.config;

import dev.alimi.model.Catalog;
import dev.alimi.model.Rate;
import dev.alimi.model.Site;
import dev.alimi.model.Watch;
import java.time.Duration;
import java.util.List;

/** The {@code defaults:} section: values for sites and watches that do not set their own. */
record Defaults(Duration timeout, Duration interval, String userAgent, Rate rate, int maxInFlight, Duration alertTtl,
        int confirmIn, int confirmOut, boolean preorder) {

    static final List<String> KEYS = List.of("timeout", "interval", "user-agent", "rate", "max-in-flight", "alert-ttl",
            "confirm-in", "confirm-out", "preorder");

    static Defaults read(Section s) {
        String ua = s.string("user-agent");
        Integer maxInFlight = s.integer("max-in-flight", 1, 1000);
        return new Defaults(
                s.duration("timeout", Site.DEFAULT_TIMEOUT),
                s.duration("interval", Watch.DEFAULT_INTERVAL),
                ua == null || ua.isBlank() ? Site.DEFAULT_USER_AGENT : ua,
                s.rate("rate", Site.DEFAULT_RATE),
                maxInFlight == null ? Site.DEFAULT_MAX_IN_FLIGHT : maxInFlight,
                s.duration("alert-ttl", Catalog.DEFAULT_ALERT_TTL),
                RulesReader.confirm(s, "confirm-in", 1),
                RulesReader.confirm(s, "confirm-out", 1),
                s.bool("preorder", false));
    }

    /** A site for a host the config did not name, with these defaults applied. */
    Site implicitSite(String host) {
        Site base = Site.implicitFor(host);
        return new Site(base.name(), null, rate, timeout, base.headers(), base.cookies(), userAgent, base.proxies(),
                base.blackout(), false, maxInFlight, base.maxBodyBytes(), base.maxDecodedBytes(), true);
    }
}
