package dev.alimi.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** Collects every problem found while reading, so one run reports them all. */
final class Problems {

    private final Path file;
    private final List<ConfigError> errors = new ArrayList<>();

    Problems(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    void add(Node at, String key, String message) {
        add(lineOf(at), key, message);
    }

    void add(int line, String key, String message) {
        errors.add(new ConfigError(file, line, key, message));
    }

    void add(ConfigError error) {
        errors.add(error);
    }

    void addAll(List<ConfigError> more) {
        errors.addAll(more);
    }

    int count() {
        return errors.size();
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Other files (the .env) first, then the config, each by line; ties keep the order found. */
    List<ConfigError> sorted() {
        List<ConfigError> out = new ArrayList<>(errors);
        out.sort(Comparator.comparing((ConfigError e) -> e.file() != null && e.file().equals(file))
                .thenComparingInt(ConfigError::line));
        return out;
    }

    static int lineOf(Node node) {
        return node == null || node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }
}
