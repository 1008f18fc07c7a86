package dev.alimi.config;

import dev.alimi.model.Rate;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/** One YAML mapping being read, with typed getters by key that record problems at the right line. */
final class Section {

    /** One key and its value. */
    record Entry(String key, String path, Node keyNode, Node value) {}

    private final NodeReader reader;
    private final Node node;
    private final String path;
    private final Map<String, Entry> entries;

    Section(NodeReader reader, Node node, String path, Map<String, Entry> entries) {
        this.reader = reader;
        this.node = node;
        this.path = path;
        this.entries = entries;
    }

    Node node() {
        return node;
    }

    String path() {
        return path;
    }

    Collection<Entry> entries() {
        return entries.values();
    }

    boolean has(String key) {
        Entry e = entries.get(key);
        return e != null && !NodeReader.isNull(e.value());
    }

    /** The value node, or null. */
    Node value(String key) {
        Entry e = entries.get(key);
        return e == null ? null : e.value();
    }

    String pathOf(String key) {
        return NodeReader.child(path, key);
    }

    /** Reports a missing required key at the start of this mapping. */
    void missing(String key, String hint) {
        reader.error(node, pathOf(key), "`" + key + "` is required" + (hint == null ? "" : "; " + hint));
    }

    Scalar scalar(String key, String expected) {
        return reader.scalar(value(key), pathOf(key), expected);
    }

    String string(String key) {
        return reader.string(value(key), pathOf(key));
    }

    List<String> strings(String key) {
        return reader.strings(value(key), pathOf(key));
    }

    List<Scalar> scalars(String key) {
        return reader.scalars(value(key), pathOf(key));
    }

    Map<String, String> stringMap(String key) {
        return reader.stringMap(value(key), pathOf(key));
    }

    Section section(String key, Collection<String> allowed) {
        return reader.section(value(key), pathOf(key), allowed);
    }

    Duration duration(String key, Duration fallback) {
        Duration d = reader.duration(value(key), pathOf(key));
        return d == null ? fallback : d;
    }

    Rate rate(String key, Rate fallback) {
        Rate r = reader.rate(value(key), pathOf(key));
        return r == null ? fallback : r;
    }

    long size(String key, long fallback) {
        Long s = reader.size(value(key), pathOf(key));
        return s == null ? fallback : s;
    }

    Integer integer(String key, int min, int max) {
        return reader.integer(value(key), pathOf(key), min, max);
    }

    BigDecimal positiveDecimal(String key) {
        return reader.positiveDecimal(value(key), pathOf(key));
    }

    boolean bool(String key, boolean fallback) {
        Boolean b = reader.bool(value(key), pathOf(key));
        return b == null ? fallback : b;
    }

    URI httpUrl(String key, String example) {
        return reader.httpUrl(value(key), pathOf(key), example);
    }
}
