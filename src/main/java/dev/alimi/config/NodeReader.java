package dev.alimi.config;

import dev.alimi.model.Rate;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads typed values from YAML nodes, substituting variables and reporting every problem with
 * its line and key. Getters return null when the value is absent or wrong (the problem is recorded).
 */
final class NodeReader {

    private static final Pattern YAML_NULL = Pattern.compile("~|null|Null|NULL|");

    private final Problems problems;
    private final Substitutor substitutor;

    NodeReader(Problems problems, Substitutor substitutor) {
        this.problems = problems;
        this.substitutor = substitutor;
    }

    Problems problems() {
        return problems;
    }

    void error(Node at, String path, String message) {
        problems.add(at, path, message);
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String index(String path, int i) {
        return path + "[" + i + "]";
    }

    /** True for an absent value: no node, or a plain empty/{@code ~}/{@code null} scalar. */
    static boolean isNull(Node node) {
        return node == null
                || (node instanceof ScalarNode s && s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN
                        && YAML_NULL.matcher(s.getValue()).matches());
    }

    /** A mapping's entries; reports unknown keys (with a suggestion) and duplicates, follows merge keys. */
    Section section(Node node, String path, Collection<String> allowed) {
        Map<String, Section.Entry> entries = new LinkedHashMap<>();
        if (isNull(node)) return new Section(this, node, path, entries);
        if (!(node instanceof MappingNode mapping)) {
            error(node, path, "expected a mapping (key: value lines)"
                    + (allowed == null || allowed.isEmpty() ? "" : " with keys like " + String.join(", ", allowed)));
            return new Section(this, node, path, entries);
        }
        List<NodeTuple> merged = new ArrayList<>();
        for (NodeTuple t : mapping.getValue()) {
            Node k = t.getKeyNode();
            if (k.getTag().equals(Tag.MERGE)) {
                collectMerge(t.getValueNode(), path, merged);
                continue;
            }
            if (!(k instanceof ScalarNode ks)) {
                error(k, path, "expected a plain key, not a list or mapping");
                continue;
            }
            String key = ks.getValue();
            Section.Entry first = entries.get(key);
            if (first != null) {
                error(k, child(path, key), "duplicate key `" + key + "` (first at line " + Problems.lineOf(first.keyNode()) + ")");
                continue;
            }
            if (!known(key, k, path, allowed)) continue;
            entries.put(key, new Section.Entry(key, child(path, key), k, t.getValueNode()));
        }
        for (NodeTuple t : merged) {
            String key = ((ScalarNode) t.getKeyNode()).getValue();
            if (entries.containsKey(key) || !known(key, t.getKeyNode(), path, allowed)) continue;
            entries.put(key, new Section.Entry(key, child(path, key), t.getKeyNode(), t.getValueNode()));
        }
        return new Section(this, node, path, entries);
    }

    private boolean known(String key, Node keyNode, String path, Collection<String> allowed) {
        if (allowed == null || allowed.contains(key)) return true;
        error(keyNode, child(path, key), "unknown key `" + key + "`" + DidYouMean.hint(key, allowed));
        return false;
    }

    private void collectMerge(Node value, String path, List<NodeTuple> into) {
        List<Node> sources = value instanceof SequenceNode seq ? seq.getValue() : List.of(value);
        for (Node source : sources) {
            if (!(source instanceof MappingNode m)) {
                error(source, path, "`<<` merges only mappings (write `<<: *anchor`)");
                continue;
            }
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode && !t.getKeyNode().getTag().equals(Tag.MERGE)) into.add(t);
            }
        }
    }

    /** The items of a list; null (after reporting) when the node is not a list. */
    List<Node> list(Node node, String path, String expected) {
        if (isNull(node)) return List.of();
        if (node instanceof SequenceNode seq) return seq.getValue();
        error(node, path, expected);
        return null;
    }

    Scalar scalar(Node node, String path, String expected) {
        if (isNull(node)) return null;
        if (!(node instanceof ScalarNode s)) {
            error(node, path, expected);
            return null;
        }
        Substitutor.Result r = substitutor.apply(s.getValue());
        if (r.problem() != null) {
            error(node, path, r.problem());
            return null;
        }
        return new Scalar(r.value(), r.variables(), node, path);
    }

    String string(Node node, String path) {
        Scalar s = scalar(node, path, "expected a text value");
        return s == null ? null : s.value();
    }

    /** A scalar or a list of scalars. */
    List<String> strings(Node node, String path) {
        List<Scalar> scalars = scalars(node, path);
        return scalars == null ? null : scalars.stream().map(Scalar::value).toList();
    }

    List<Scalar> scalars(Node node, String path) {
        if (isNull(node)) return null;
        if (node instanceof ScalarNode) {
            Scalar s = scalar(node, path, "expected a list of strings");
            return s == null ? null : List.of(s);
        }
        if (!(node instanceof SequenceNode seq)) {
            error(node, path, "expected a list of strings");
            return null;
        }
        List<Scalar> out = new ArrayList<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            Node item = seq.getValue().get(i);
            if (isNull(item)) {
                error(item, index(path, i), "expected a string, found an empty item");
                continue;
            }
            Scalar s = scalar(item, index(path, i), "expected a list of strings");
            if (s != null) out.add(s);
        }
        return out;
    }

    /** A mapping of names to text values (headers, cookies). */
    Map<String, String> stringMap(Node node, String path) {
        Section section = section(node, path, null);
        Map<String, String> out = new LinkedHashMap<>();
        for (Section.Entry e : section.entries()) {
            String v = string(e.value(), e.path());
            out.put(e.key(), v == null ? "" : v);
        }
        return out;
    }

    Duration duration(Node node, String path) {
        Scalar s = scalar(node, path, Durations.EXPECTED);
        if (s == null) return null;
        try {
            Duration d = Durations.parse(s.value());
            if (d.isZero()) {
                error(node, path, Durations.EXPECTED + ", above zero");
                return null;
            }
            return d;
        } catch (IllegalArgumentException e) {
            error(node, path, e.getMessage());
            return null;
        }
    }

    Rate rate(Node node, String path) {
        Scalar s = scalar(node, path, Rates.EXPECTED);
        if (s == null) return null;
        try {
            return Rates.parse(s.value());
        } catch (IllegalArgumentException e) {
            error(node, path, e.getMessage());
            return null;
        }
    }

    Long size(Node node, String path) {
        Scalar s = scalar(node, path, Sizes.EXPECTED);
        if (s == null) return null;
        try {
            return Sizes.parse(s.value());
        } catch (IllegalArgumentException e) {
            error(node, path, e.getMessage());
            return null;
        }
    }

    Integer integer(Node node, String path, int min, int max) {
        String expected = "expected a whole number" + (max == Integer.MAX_VALUE ? " of at least " + min : " from " + min + " to " + max);
        Scalar s = scalar(node, path, expected);
        if (s == null) return null;
        try {
            long v = Long.parseLong(s.value().strip().replace("_", ""));
            if (v < min || v > max) {
                error(node, path, expected);
                return null;
            }
            return (int) v;
        } catch (NumberFormatException e) {
            error(node, path, expected);
            return null;
        }
    }

    BigDecimal positiveDecimal(Node node, String path) {
        String expected = "expected a number above zero, like 15900 or 4.99";
        Scalar s = scalar(node, path, expected);
        if (s == null) return null;
        try {
            BigDecimal v = new BigDecimal(s.value().strip().replace("_", ""));
            if (v.signum() <= 0 || v.precision() - v.scale() > 15) {
                error(node, path, expected);
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            error(node, path, expected);
            return null;
        }
    }

    Boolean bool(Node node, String path) {
        String expected = "expected true or false";
        Scalar s = scalar(node, path, expected);
        if (s == null) return null;
        return switch (s.value().strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> {
                error(node, path, expected);
                yield null;
            }
        };
    }

    /** An absolute http(s) URL; the value is never echoed (it may hold a token). */
    URI httpUrl(Node node, String path, String example) {
        String expected = "expected an absolute http(s) URL like " + example;
        Scalar s = scalar(node, path, expected);
        if (s == null) return null;
        return httpUrl(s, expected);
    }

    URI httpUrl(Scalar s, String expected) {
        try {
            URI uri = new URI(s.value().strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                error(s.node(), s.path(), expected);
                return null;
            }
            return uri;
        } catch (URISyntaxException e) {
            error(s.node(), s.path(), expected + " (characters like spaces must be percent-encoded)");
            return null;
        }
    }
}
