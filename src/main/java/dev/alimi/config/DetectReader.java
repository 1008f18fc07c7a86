package dev.alimi.config;

import com.jayway.jsonpath.JsonPath;
import dev.alimi.model.DetectSpec;
import dev.alimi.model.InStockCondition;
import dev.alimi.model.ValueSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jsoup.select.QueryParser;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads a watch's {@code detect:}: a recipe name, or a rule whose selectors are checked to compile. */
final class DetectReader {

    static final List<String> RULE_KEYS = List.of("css", "in-stock-text", "out-of-stock-text", "json-path", "in-stock",
            "regex", "out-of-stock-regex", "price");
    static final List<String> SELECTOR_KEYS = List.of("json-path", "css", "regex");
    static final List<String> CONDITION_KEYS = List.of("json-path", "css", "regex", "equals", "in", "not-equals");

    static final String RULE_EXAMPLE = "write a rule (css/json-path/regex), e.g. "
            + "`detect: {css: \"button.buy\", in-stock-text: [\"Add to cart\"], out-of-stock-text: [\"Sold out\"]}` "
            + "or `detect: {json-path: $.data.stockQuantity}`";

    private final NodeReader reader;
    private final Set<String> recipes;

    DetectReader(NodeReader reader, Set<String> recipes) {
        this.reader = reader;
        this.recipes = new TreeSet<>(recipes);
    }

    /** The spec, or null when missing or wrong (reported against {@code watch}). */
    DetectSpec read(Section watch) {
        Node node = watch.value("detect");
        String path = watch.pathOf("detect");
        if (NodeReader.isNull(node)) {
            String names = recipes.isEmpty() ? "" : " or name a detector (" + String.join(", ", recipes) + ")";
            watch.missing("detect", RULE_EXAMPLE + names);
            return null;
        }
        if (node instanceof ScalarNode) return recipe(reader.scalar(node, path, "expected a detector name or a rule"));
        return rule(reader.section(node, path, RULE_KEYS));
    }

    private DetectSpec recipe(Scalar name) {
        if (name == null) return null;
        String n = name.value().strip();
        if (recipes.contains(n)) return new DetectSpec.Recipe(n);
        if (recipes.isEmpty()) {
            reader.error(name.node(), name.path(), "unknown detector " + name.shown()
                    + "; no named detectors are available yet; " + RULE_EXAMPLE);
        } else {
            String hint = name.substituted() ? "" : DidYouMean.closest(n, recipes).map(c -> "did you mean `" + c + "`? ").orElse("");
            reader.error(name.node(), name.path(), "unknown detector " + name.shown() + "; " + hint
                    + "known detectors: " + String.join(", ", recipes) + ", or write a rule (css/json-path/regex)");
        }
        return null;
    }

    private DetectSpec rule(Section s) {
        String css = s.has("css") ? css(s.scalar("css", "expected a CSS selector like button.buy")) : null;
        List<String> inText = s.has("in-stock-text") ? nonEmpty(s, "in-stock-text") : List.of();
        List<String> outText = s.has("out-of-stock-text") ? nonEmpty(s, "out-of-stock-text") : List.of();
        String jsonPath = s.has("json-path") ? jsonPath(s.scalar("json-path", "expected a JSONPath like $.data.stock")) : null;
        InStockCondition inStock = s.has("in-stock") ? condition(s.section("in-stock", CONDITION_KEYS)) : null;
        String regex = s.has("regex") ? regex(s.scalar("regex", "expected a regular expression"), false) : null;
        String outRegex = s.has("out-of-stock-regex")
                ? regex(s.scalar("out-of-stock-regex", "expected a regular expression"), false) : null;
        ValueSelector price = s.has("price") ? price(s) : null;

        boolean texts = s.has("in-stock-text") || s.has("out-of-stock-text");
        if (texts && !s.has("css")) {
            String key = s.has("in-stock-text") ? "in-stock-text" : "out-of-stock-text";
            reader.error(s.value(key), s.pathOf(key), "`" + key + "` needs `css` to select the elements whose text is compared");
        }
        if (s.has("css") && !texts) {
            reader.error(s.value("css"), s.pathOf("css"),
                    "`css` needs `in-stock-text` and/or `out-of-stock-text` to compare the selected text with");
        }
        boolean signal = texts || s.has("json-path") || s.has("in-stock") || s.has("regex") || s.has("out-of-stock-regex");
        if (!signal && !s.has("css")) {
            reader.error(s.node(), s.path(), "the rule has no stock signal; " + RULE_EXAMPLE);
        }
        return new DetectSpec.Rule(css, inText, outText, jsonPath, inStock, regex, outRegex, price);
    }

    private List<String> nonEmpty(Section s, String key) {
        List<String> texts = s.strings(key);
        if (texts == null) return List.of();
        List<String> out = new ArrayList<>();
        for (String t : texts) {
            if (t.isBlank()) reader.error(s.value(key), s.pathOf(key), "an empty text would match every page");
            else out.add(t);
        }
        return out;
    }

    private ValueSelector price(Section s) {
        Node node = s.value("price");
        if (node instanceof ScalarNode) {
            Scalar v = s.scalar("price", "expected a selector");
            if (v == null) return null;
            String t = v.value().strip();
            if (t.startsWith("$")) {
                String p = jsonPath(v);
                return p == null ? null : ValueSelector.jsonPath(p);
            }
            String c = css(v);
            return c == null ? null : ValueSelector.css(c);
        }
        return selector(s.section("price", SELECTOR_KEYS), true);
    }

    /** Exactly one of json-path, css, regex; null after reporting otherwise. */
    private ValueSelector selector(Section s, boolean required) {
        List<String> given = SELECTOR_KEYS.stream().filter(s::has).toList();
        if (given.size() > 1) {
            reader.error(s.value(given.get(1)), s.pathOf(given.get(1)),
                    "use only one of json-path, css or regex (found " + String.join(" and ", given) + ")");
            return null;
        }
        if (given.isEmpty()) {
            if (required) reader.error(s.node(), s.path(), "expected one of json-path, css or regex");
            return null;
        }
        return switch (given.getFirst()) {
            case "json-path" -> {
                String p = jsonPath(s.scalar("json-path", "expected a JSONPath like $.data.price"));
                yield p == null ? null : ValueSelector.jsonPath(p);
            }
            case "css" -> {
                String c = css(s.scalar("css", "expected a CSS selector like .price"));
                yield c == null ? null : ValueSelector.css(c);
            }
            default -> {
                String r = regex(s.scalar("regex", "expected a regular expression"), true);
                yield r == null ? null : ValueSelector.regex(r);
            }
        };
    }

    private InStockCondition condition(Section s) {
        ValueSelector at = selector(s, false);
        if (at == null && SELECTOR_KEYS.stream().noneMatch(s::has)) {
            reader.error(s.node(), s.path(), "`in-stock` needs where to read the value: json-path, css or regex");
        }
        List<String> tests = List.of("equals", "in", "not-equals").stream().filter(s::has).toList();
        if (tests.size() != 1) {
            Node at2 = tests.size() > 1 ? s.value(tests.get(1)) : s.node();
            String key = tests.size() > 1 ? s.pathOf(tests.get(1)) : s.path();
            reader.error(at2, key, "`in-stock` needs exactly one of equals, in or not-equals"
                    + (tests.size() > 1 ? " (found " + String.join(" and ", tests) + ")" : ""));
            return null;
        }
        String equals = s.has("equals") ? s.string("equals") : null;
        List<String> in = s.has("in") ? s.strings("in") : List.of();
        String notEquals = s.has("not-equals") ? s.string("not-equals") : null;
        return at == null ? null : new InStockCondition(at, equals, in, notEquals);
    }

    private String css(Scalar v) {
        if (v == null) return null;
        String q = v.value().strip();
        try {
            QueryParser.parse(q);
            return q;
        } catch (RuntimeException e) {
            reader.error(v.node(), v.path(), "not a valid CSS selector" + detail(v, e.getMessage()) + "; expected something like div.stock > button.buy");
            return null;
        }
    }

    private String jsonPath(Scalar v) {
        if (v == null) return null;
        String p = v.value().strip();
        if (!p.startsWith("$")) {
            reader.error(v.node(), v.path(), "expected a JSONPath starting with $, like $.data.stock");
            return null;
        }
        try {
            JsonPath.compile(p);
            return p;
        } catch (RuntimeException e) {
            reader.error(v.node(), v.path(), "not a valid JSONPath" + detail(v, e.getMessage()) + "; expected something like $.data.stock");
            return null;
        }
    }

    private String regex(Scalar v, boolean needsGroup) {
        if (v == null) return null;
        try {
            Pattern p = Pattern.compile(v.value());
            if (needsGroup && p.matcher("").groupCount() < 1) {
                reader.error(v.node(), v.path(), "the regex needs a group around the value, like `price: (\\d+)`");
                return null;
            }
            return v.value();
        } catch (PatternSyntaxException e) {
            String where = v.substituted() ? "" : " near index " + e.getIndex();
            reader.error(v.node(), v.path(), "not a valid regular expression: " + e.getDescription() + where);
            return null;
        }
    }

    /** A parser's message, unless the value came from a variable (then it could leak a secret). */
    private static String detail(Scalar v, String message) {
        if (v.substituted() || message == null || message.isBlank()) return "";
        String m = message.strip().lines().findFirst().orElse("");
        return m.length() > 200 ? " (" + m.substring(0, 200) + "…)" : " (" + m + ")";
    }
}
