package dev.alimi.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Turns a YAML value into JSON for request bodies. Plain scalars become numbers, booleans or null
 * when they look like one (after substitution); quoted scalars stay strings. Depth and size are
 * capped because aliases can make a small file expand.
 */
final class JsonBody {

    private static final int MAX_DEPTH = 32;
    private static final int MAX_NODES = 10_000;
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,30}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,30}\\.\\d{1,30}(?:[eE][-+]?\\d{1,3})?");

    private final NodeReader reader;
    private int nodes;
    private boolean failed;

    JsonBody(NodeReader reader) {
        this.reader = reader;
    }

    /** The JSON text, or null after reporting. */
    String write(Node node, String path) {
        JsonNode json = convert(node, path, 0);
        return json == null || failed ? null : json.toString();
    }

    JsonNode convert(Node node, String path, int depth) {
        if (failed) return null;
        if (++nodes > MAX_NODES || depth > MAX_DEPTH) {
            reader.error(node, path, "the body is too large or too deeply nested (at most " + MAX_NODES
                    + " values, " + MAX_DEPTH + " levels)");
            failed = true;
            return null;
        }
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node instanceof MappingNode) {
            ObjectNode obj = f.objectNode();
            for (Section.Entry e : reader.section(node, path, null).entries()) {
                JsonNode v = convert(e.value(), e.path(), depth + 1);
                if (v != null) obj.set(e.key(), v);
            }
            return obj;
        }
        if (node instanceof SequenceNode seq) {
            ArrayNode arr = f.arrayNode();
            for (int i = 0; i < seq.getValue().size(); i++) {
                JsonNode v = convert(seq.getValue().get(i), NodeReader.index(path, i), depth + 1);
                if (v != null) arr.add(v);
            }
            return arr;
        }
        ScalarNode s = (ScalarNode) node;
        if (NodeReader.isNull(s)) return f.nullNode();
        Scalar v = reader.scalar(s, path, "expected a value");
        if (v == null) return null;
        if (s.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) return f.textNode(v.value());
        String t = v.value().strip();
        if (t.equals("true") || t.equals("false")) return f.booleanNode(Boolean.parseBoolean(t));
        if (t.equals("null")) return f.nullNode();
        if (INTEGER.matcher(t).matches()) return f.numberNode(new BigInteger(t));
        if (DECIMAL.matcher(t).matches()) return f.numberNode(new BigDecimal(t));
        return f.textNode(v.value());
    }
}
