package dev.alimi.config;

import dev.alimi.model.Site;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code sites:}, each site's settings falling back to {@code defaults:}. */
final class SiteReader {

    static final List<String> KEYS = List.of("base-url", "rate", "timeout", "headers", "cookies", "user-agent", "proxy",
            "blackout", "requires-signup", "max-in-flight", "max-body", "max-decoded", "min-stock", "require-quantity",
            "max-price", "max-unit-price", "units", "cooldown", "preorder", "price-change");

    private static final String PROXY_EXPECTED = "expected a proxy URL like http://user:password@proxy.example:3128, a list of them, or \"\" for none";

    private final NodeReader reader;
    private final Defaults defaults;
    private final Map<String, Boolean> preorder = new LinkedHashMap<>();

    SiteReader(NodeReader reader, Defaults defaults) {
        this.reader = reader;
        this.defaults = defaults;
    }

    Map<String, Site> read(Section sites) {
        Map<String, Site> out = new LinkedHashMap<>();
        for (Section.Entry e : sites.entries()) {
            if (e.key().isBlank()) {
                reader.error(e.keyNode(), e.path(), "a site needs a name");
                continue;
            }
            Section s = reader.section(e.value(), e.path(), KEYS);
            out.put(e.key(), site(e.key(), s));
            preorder.put(e.key(), s.bool("preorder", defaults.preorder()));
        }
        return out;
    }

    /**
     * {@code preorder} of each site read, {@code defaults.preorder} where unset: a detection setting
     * its watches inherit, so it lives on the watch, not on the site.
     */
    Map<String, Boolean> preorder() {
        return Map.copyOf(preorder);
    }

    private Site site(String name, Section s) {
        String ua = s.string("user-agent");
        Integer maxInFlight = s.integer("max-in-flight", 1, 1000);
        return new Site(
                name,
                s.has("base-url") ? s.httpUrl("base-url", "https://www.shop.example") : null,
                s.rate("rate", defaults.rate()),
                s.duration("timeout", defaults.timeout()),
                s.stringMap("headers"),
                s.stringMap("cookies"),
                ua == null || ua.isBlank() ? defaults.userAgent() : ua,
                proxies(s),
                maxInFlight == null ? defaults.maxInFlight() : maxInFlight,
                s.size("max-body", Site.DEFAULT_MAX_BODY_BYTES),
                s.size("max-decoded", Site.DEFAULT_MAX_DECODED_BYTES),
                false,
                new RulesReader(reader).read(s));
    }

    /** {@code proxy}: one URL, a list of URLs, or an empty string (commonly from {@code ${VAR:-}}) for none. */
    private List<URI> proxies(Section s) {
        if (!s.has("proxy")) return List.of();
        List<Scalar> values = s.scalars("proxy");
        if (values == null) return List.of();
        List<URI> out = new ArrayList<>();
        for (Scalar v : values) {
            if (v.value().isBlank()) continue;
            URI uri = reader.httpUrl(v, PROXY_EXPECTED);
            if (uri != null) out.add(uri);
        }
        return out;
    }
}
