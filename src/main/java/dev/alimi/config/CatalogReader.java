package dev.alimi.config;

import dev.alimi.model.Catalog;
import dev.alimi.model.ChannelSpec;
import dev.alimi.model.Route;
import dev.alimi.model.Site;
import dev.alimi.model.Watch;
import dev.alimi.model.WebSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/** Reads the whole document into a {@link Catalog}, reporting every problem on the way. */
final class CatalogReader {

    static final List<String> TOP_KEYS = List.of("defaults", "sites", "watches", "channels", "routes", "admin", "web", "store");
    static final List<String> ROUTE_KEYS = java.util.stream.Stream.concat(
            java.util.stream.Stream.of("name", "to", "tags", "sites", "watches", "follow-up"), RulesReader.KEYS.stream()).toList();
    static final List<String> FOLLOW_UPS = List.of("edit", "reply", "none");
    static final List<String> WEB_KEYS = List.of("bind", "port", "token");
    static final String DEFAULT_STORE = "sqlite:alimi.db";

    private final NodeReader reader;
    private final ConfigChecks checks;
    private final Map<String, String> environment;
    private final References references;

    CatalogReader(NodeReader reader, ConfigChecks checks, Map<String, String> environment) {
        this.reader = reader;
        this.checks = checks;
        this.environment = environment;
        this.references = new References(reader);
    }

    /** The catalog; meaningful only when no problem was recorded. */
    Catalog read(Node root, Path source) {
        if (NodeReader.isNull(root)) {
            reader.error(root, null, "the file is empty; it needs at least `watches` (each with name, url and detect)");
            return null;
        }
        Section top = reader.section(root, "", TOP_KEYS);
        if (!(root instanceof MappingNode)) return null;
        Defaults defaults = Defaults.read(top.section("defaults", Defaults.KEYS));
        SiteReader siteReader = new SiteReader(reader, defaults);
        Map<String, Site> sites = siteReader.read(top.section("sites", null));
        List<Watch> watches = new WatchReader(reader, defaults, new DetectReader(reader, checks.recipes()), siteReader.preorder(),
                checks.variantProblem()).read(top, sites);
        Section channelSection = top.section("channels", null);
        Map<String, ChannelSpec> channels = new ChannelReader(reader, checks.channelProblem()).read(channelSection);
        // Channels that failed their check are still names the user defined: no second error for routes to them.
        List<String> channelNames = channelSection.entries().stream().map(Section.Entry::key).toList();
        List<Route> routes = routes(top, channelNames, sites.keySet(), watches.stream().map(Watch::name).toList());
        List<String> admin = top.has("admin")
                ? references.checkAll(top.scalars("admin"), channelNames, "channel", "channels") : List.of();
        WebSettings web = web(top.section("web", WEB_KEYS));
        String store = store(top);
        return new Catalog(source, sites, watches, channels, routes, admin, defaults.alertTtl(), web, store);
    }

    private List<Route> routes(Section top, List<String> channels, java.util.Collection<String> sites, List<String> watches) {
        List<Node> items = reader.list(top.value("routes"), "routes", "expected a list of routes (lines starting with `- to:`)");
        if (items == null) return List.of();
        List<Route> out = new ArrayList<>();
        java.util.Set<String> routeNames = new java.util.HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof MappingNode)) {
                reader.error(items.get(i), NodeReader.index("routes", i), "expected a route: a mapping with `to` (and tags, sites, watches)");
                continue;
            }
            Section r = reader.section(items.get(i), NodeReader.index("routes", i), ROUTE_KEYS);
            List<String> to = List.of();
            if (!r.has("to")) r.missing("to", "the channels this route sends to, like `to: [team-slack]`");
            else {
                List<Scalar> names = r.scalars("to");
                if (names != null && names.isEmpty()) reader.error(r.value("to"), r.pathOf("to"), "expected at least one channel name");
                to = references.checkAll(names, channels, "channel", "channels");
            }
            List<String> tags = r.has("tags") ? r.strings("tags") : List.of();
            List<String> routeSites = r.has("sites") ? references.checkAll(r.scalars("sites"), sites, "site", "sites") : List.of();
            List<String> routeWatches = r.has("watches") ? references.checkAll(r.scalars("watches"), watches, "watch", "watches") : List.of();
            String name = r.has("name") ? r.string("name") : null;
            if (name != null && !routeNames.add(name.strip())) {
                reader.error(r.value("name"), r.pathOf("name"), "duplicate route name `" + name + "`");
            }
            String followUp = r.has("follow-up") ? r.string("follow-up") : null;
            if (followUp != null && !FOLLOW_UPS.contains(followUp.strip())) {
                reader.error(r.value("follow-up"), r.pathOf("follow-up"), "expected one of edit, reply, none");
                followUp = null;
            }
            out.add(new Route(name == null ? null : name.strip(), to, tags, routeSites, routeWatches,
                    new RulesReader(reader).read(r), followUp == null ? null : followUp.strip()));
        }
        return out;
    }

    private WebSettings web(Section s) {
        String bind = s.has("bind") ? s.string("bind") : WebSettings.DEFAULT.bind();
        if (bind == null || bind.isBlank()) bind = WebSettings.DEFAULT.bind();
        Integer port = s.has("port") ? s.integer("port", 1, 65535) : null;
        String token = s.has("token") ? s.string("token") : null;
        if (token == null || token.isBlank()) {
            String fromEnv = environment.get("ALIMI_TOKEN");
            token = fromEnv == null || fromEnv.isBlank() ? null : fromEnv;
        }
        WebSettings web = new WebSettings(bind.strip(), port == null ? WebSettings.DEFAULT.port() : port, token);
        if (!web.isLoopback() && token == null) {
            reader.error(s.has("bind") ? s.value("bind") : s.node(), s.pathOf("bind"),
                    "listening beyond loopback needs `web.token` (or ALIMI_TOKEN), so that strangers cannot use the dashboard");
        }
        return web;
    }

    private String store(Section top) {
        if (!top.has("store")) return DEFAULT_STORE;
        Scalar s = top.scalar("store", "expected a store URL");
        if (s == null) return DEFAULT_STORE;
        String v = s.value().strip();
        String lower = v.toLowerCase(Locale.ROOT);
        if ((lower.startsWith("sqlite:") && lower.length() > 7) || lower.startsWith("postgresql://") || lower.startsWith("postgres://")
                || lower.startsWith("jdbc:sqlite:") || lower.startsWith("jdbc:postgresql:")) {
            return v;
        }
        reader.error(s.node(), s.path(), "expected sqlite:FILE (like sqlite:alimi.db), postgresql://HOST/DB, or a jdbc:sqlite: / jdbc:postgresql: URL");
        return DEFAULT_STORE;
    }
}
