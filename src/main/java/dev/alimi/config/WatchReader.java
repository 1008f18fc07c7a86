package dev.alimi.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alimi.model.DetectSpec;
import dev.alimi.model.RequestSpec;
import dev.alimi.model.Rules;
import dev.alimi.model.Site;
import dev.alimi.model.Watch;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/** Reads {@code watches:}, resolving each watch's site (named, by host, or implicit per host). */
final class WatchReader {

    static final List<String> KEYS = List.of("name", "site", "url", "link", "method", "body", "json", "form", "graphql",
            "headers", "detect", "interval", "min-stock", "max-price", "max-unit-price", "units", "tags",
            "require-quantity", "blackout", "requires-signup", "cooldown", "confirm-in", "confirm-out", "preorder", "variant", "price-change");
    private static final List<String> BODY_KEYS = List.of("body", "json", "form", "graphql");
    private static final List<String> GRAPHQL_KEYS = List.of("query", "variables", "operation-name");
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    private static final String URL_EXAMPLE = "https://shop.example/p/1";
    /** Shop variant ids: numbers, or ids like {@code gid://shop/Variant/12}; never spaces. */
    private static final Pattern VARIANT = Pattern.compile("[A-Za-z0-9_:/.\\-]{1,100}");

    private final NodeReader reader;
    private final Defaults defaults;
    private final DetectReader detect;
    private final References references;
    private final Map<String, Boolean> sitePreorder;
    private final BiFunction<DetectSpec, URI, Optional<String>> variantProblem;

    /** {@code sitePreorder}: each named site's {@code preorder}; {@code variantProblem}: the detect registry's check. */
    WatchReader(NodeReader reader, Defaults defaults, DetectReader detect, Map<String, Boolean> sitePreorder,
                BiFunction<DetectSpec, URI, Optional<String>> variantProblem) {
        this.reader = reader;
        this.defaults = defaults;
        this.detect = detect;
        this.references = new References(reader);
        this.sitePreorder = Map.copyOf(sitePreorder);
        this.variantProblem = variantProblem;
    }

    /** The watches; implicit sites are added to {@code sites} in order of first use. */
    List<Watch> read(Section root, Map<String, Site> sites) {
        Node node = root.value("watches");
        if (NodeReader.isNull(node)) {
            reader.error(root.node(), "watches", "`watches` is missing; add a list of watches, each with name, url and detect");
            return List.of();
        }
        List<Node> items = reader.list(node, "watches", "expected a list of watches (lines starting with `- name:`)");
        if (items == null) return List.of();
        if (items.isEmpty()) {
            reader.error(node, "watches", "expected at least one watch (name, url and detect)");
            return List.of();
        }
        Set<String> namedSites = Set.copyOf(sites.keySet());
        Map<String, Integer> seen = new HashMap<>();
        List<Watch> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof MappingNode)) {
                reader.error(items.get(i), NodeReader.index("watches", i), "expected a watch: a mapping with name, url and detect");
                continue;
            }
            Section w = reader.section(items.get(i), NodeReader.index("watches", i), KEYS);
            int before = reader.problems().count();
            Watch watch = watch(w, sites, namedSites, seen);
            if (watch != null) out.add(watch);
            // A watch must never vanish quietly: that would be a silently missed restock.
            else if (reader.problems().count() == before) reader.error(items.get(i), w.path(), "this watch could not be read");
        }
        return out;
    }

    private Watch watch(Section w, Map<String, Site> sites, Set<String> namedSites, Map<String, Integer> seen) {
        Scalar name = w.scalar("name", "expected the watch's name as text");
        if (!w.has("name")) {
            w.missing("name", "give the watch a unique name, shown in alerts");
        } else if (name != null) {
            Integer first = seen.putIfAbsent(name.value(), Problems.lineOf(name.node()));
            if (first != null) {
                reader.error(name.node(), name.path(), "duplicate watch name " + name.shown() + " (first at line " + first + ")");
            } else if (name.value().isBlank()) {
                reader.error(name.node(), name.path(), "expected a non-empty name");
            }
        }
        URI url = null;
        if (!w.has("url")) w.missing("url", "the page or API to check, like " + URL_EXAMPLE);
        else url = w.httpUrl("url", URL_EXAMPLE);
        URI link = w.has("link") ? w.httpUrl("link", URL_EXAMPLE) : null;
        String site = site(w, url, sites, namedSites);
        RequestSpec request = request(w);
        DetectSpec spec = detect.read(w);
        Rules rules = new RulesReader(reader).read(w);
        boolean preorder = w.has("preorder") ? w.bool("preorder", false)
                : site != null && sitePreorder.containsKey(site) ? sitePreorder.get(site) : defaults.preorder();
        String variant = variant(w, spec, url);
        Watch watch = new Watch(
                name == null ? null : name.value(),
                site,
                url,
                link,
                request,
                spec,
                w.duration("interval", defaults.interval()),
                w.has("tags") ? w.strings("tags") : List.of(),
                rules,
                RulesReader.confirm(w, "confirm-in", defaults.confirmIn()),
                RulesReader.confirm(w, "confirm-out", defaults.confirmOut()),
                preorder,
                variant);
        return name == null || url == null || site == null || spec == null || request == null ? null : watch;
    }

    /** {@code variant}: an id, and a detect spec that can choose it; null when unset or after a problem. */
    private String variant(Section w, DetectSpec spec, URI url) {
        if (!w.has("variant")) return null;
        Scalar v = w.scalar("variant", "expected a variant id like 39402345");
        if (v == null) return null;
        String id = v.value().strip();
        if (!VARIANT.matcher(id).matches()) {
            reader.error(v.node(), v.path(), "expected a variant id like 39402345 (letters, digits and _:/.- only)");
            return null;
        }
        Optional<String> problem = spec == null ? Optional.empty() : variantProblem.apply(spec, url);
        if (problem.isPresent()) {
            reader.error(v.node(), v.path(), problem.get());
            return null;
        }
        return id;
    }

    private String site(Section w, URI url, Map<String, Site> sites, Set<String> namedSites) {
        if (w.has("site")) {
            Scalar s = w.scalar("site", "expected a site name from `sites`");
            return s != null && references.check(s, namedSites, "site", "sites") ? s.value() : null;
        }
        if (url == null) return null;
        String host = url.getHost().toLowerCase(Locale.ROOT);
        for (Site s : sites.values()) {
            if (s.baseUrl() != null && host.equalsIgnoreCase(s.baseUrl().getHost())) return s.name();
        }
        if (sites.containsKey(host)) return host;
        sites.put(host, defaults.implicitSite(host));
        return host;
    }

    /** Method, body and headers; null after reporting a problem. */
    private RequestSpec request(Section w) {
        List<String> bodies = BODY_KEYS.stream().filter(w::has).toList();
        boolean ok = true;
        if (bodies.size() > 1) {
            reader.error(w.value(bodies.get(1)), w.pathOf(bodies.get(1)),
                    "use only one of body, json, form or graphql (found " + String.join(" and ", bodies) + ")");
            ok = false;
        }
        String method = bodies.isEmpty() ? "GET" : "POST";
        if (w.has("method")) {
            Scalar m = w.scalar("method", "expected an HTTP method like GET or POST");
            if (m != null) {
                String upper = m.value().strip().toUpperCase(Locale.ROOT);
                if (METHODS.contains(upper)) method = upper;
                else {
                    reader.error(m.node(), m.path(), "expected an HTTP method: " + String.join(", ", METHODS.stream().sorted().toList()));
                    ok = false;
                }
            }
        }
        Map<String, String> headers = w.stringMap("headers");
        String body = null;
        String contentType = null;
        if (bodies.size() == 1) {
            switch (bodies.getFirst()) {
                case "body" -> body = w.string("body");
                case "json" -> {
                    body = new JsonBody(reader).write(w.value("json"), w.pathOf("json"));
                    contentType = "application/json";
                }
                case "form" -> {
                    body = form(w.stringMap("form"));
                    contentType = "application/x-www-form-urlencoded";
                }
                default -> {
                    body = graphql(w.section("graphql", GRAPHQL_KEYS));
                    contentType = "application/json";
                }
            }
            if (body == null) ok = false;
        }
        return ok ? new RequestSpec(method, body, contentType, headers) : null;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private String graphql(Section g) {
        if (!g.has("query")) {
            g.missing("query", "the GraphQL query text");
            return null;
        }
        String query = g.string("query");
        if (query == null) return null;
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("query", query);
        if (g.has("operation-name")) doc.put("operationName", g.string("operation-name"));
        if (g.has("variables")) {
            if (!(g.value("variables") instanceof MappingNode)) {
                reader.error(g.value("variables"), g.pathOf("variables"), "expected a mapping of variable names to values");
                return null;
            }
            JsonNode vars = new JsonBody(reader).convert(g.value("variables"), g.pathOf("variables"), 0);
            if (vars == null) return null;
            doc.set("variables", vars);
        } else {
            doc.putObject("variables");
        }
        return doc.toString();
    }
}
