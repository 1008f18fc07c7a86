package dev.alimi.config;

import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/**
 * One scalar after substitution.
 *
 * @param value     the text, variables replaced
 * @param variables the variables it used; when not empty the value may be a secret
 * @param node      where it was written
 * @param path      the key path, for errors
 */
record Scalar(String value, List<String> variables, Node node, String path) {

    boolean substituted() {
        return !variables.isEmpty();
    }

    /** The value for an error message: as written, or only where it came from when substituted. */
    String shown() {
        if (substituted()) return "(the value of ${" + String.join("}, ${", variables) + "})";
        return "`" + value + "`";
    }
}
