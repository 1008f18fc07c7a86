package dev.alimi.config;

import dev.alimi.model.Catalog;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Turns a YAML config file (and the {@code .env} beside it) into a validated {@link Catalog}, or
 * throws one {@link ConfigException} listing every problem with file, line and key.
 */
public final class ConfigLoader {

    /** Aliases of lists and mappings allowed in one file: enough for reuse, too few for a billion laughs. */
    static final int MAX_COLLECTION_ALIASES = 20;
    static final int MAX_NESTING = 40;

    private final ConfigChecks checks;
    private final Map<String, String> environment;

    /** @param environment the process environment ({@code System.getenv()}); it wins over {@code .env} */
    public ConfigLoader(ConfigChecks checks, Map<String, String> environment) {
        this.checks = checks;
        this.environment = Map.copyOf(environment);
    }

    /** The {@code .env} file read beside a config file. */
    public static Path envFileOf(Path configFile) {
        Path dir = configFile.toAbsolutePath().getParent();
        return dir == null ? Path.of(".env") : dir.resolve(".env");
    }

    public Catalog load(Path file) throws ConfigException {
        Problems problems = new Problems(file);
        String text;
        try {
            text = TextFiles.read(file);
        } catch (NoSuchFileException e) {
            throw fail(problems, "the config file does not exist (create it, or pass --config PATH)");
        } catch (TextFiles.TooLarge | TextFiles.NotUtf8 e) {
            throw fail(problems, e.getMessage());
        } catch (IOException e) {
            throw fail(problems, "cannot read the config file (" + e.getClass().getSimpleName() + ")");
        }

        Map<String, String> env = new HashMap<>(DotEnv.read(envFileOf(file), problems));
        env.putAll(environment);

        Node root;
        try {
            root = new Yaml(loaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? 0 : mark.getLine() + 1;
            String what = e.getProblem() != null ? e.getProblem() : "cannot be read";
            String context = "";
            if (e.getContext() != null) {
                Mark start = e.getContextMark();
                int startLine = start == null ? line : start.getLine() + 1;
                context = " (" + e.getContext() + (startLine != line && startLine > 0 ? " that starts at line " + startLine : "") + ")";
            }
            problems.add(line, null, "invalid YAML: " + what + context);
            throw new ConfigException(problems.sorted());
        } catch (YAMLException e) {
            String message = e.getMessage() != null && e.getMessage().contains("aliases")
                    ? "too many aliases (*name) of lists or mappings; at most " + MAX_COLLECTION_ALIASES + " are allowed"
                    : e.getMessage();
            problems.add(0, null, "invalid YAML: " + message);
            throw new ConfigException(problems.sorted());
        }

        NodeReader reader = new NodeReader(problems, new Substitutor(env));
        Catalog catalog = new CatalogReader(reader, checks, env).read(root, file);
        if (!problems.isEmpty() || catalog == null) throw new ConfigException(problems.sorted());
        return catalog;
    }

    private static ConfigException fail(Problems problems, String message) {
        problems.add(0, null, message);
        return new ConfigException(problems.sorted());
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions o = new LoaderOptions();
        o.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
        o.setAllowRecursiveKeys(false);
        o.setNestingDepthLimit(MAX_NESTING);
        o.setCodePointLimit(TextFiles.MAX_BYTES);
        o.setAllowDuplicateKeys(true);
        o.setProcessComments(false);
        return o;
    }
}
