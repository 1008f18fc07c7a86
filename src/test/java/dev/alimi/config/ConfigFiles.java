package dev.alimi.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.alimi.model.Catalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Test helper: writes config files into a temp dir and loads them. */
final class ConfigFiles {

    static final String WATCH = """
            watches:
              - name: A
                url: https://shop.example/p/1
                detect: { json-path: $.stock }
            """;

    private final Path dir;
    private ConfigLoader loader;

    ConfigFiles(Path dir) {
        this(dir, ConfigChecks.lenient(), Map.of());
    }

    ConfigFiles(Path dir, ConfigChecks checks, Map<String, String> env) {
        this.dir = dir;
        this.loader = new ConfigLoader(checks, env);
    }

    ConfigFiles env(Map<String, String> env) {
        this.loader = new ConfigLoader(ConfigChecks.lenient(), env);
        return this;
    }

    ConfigLoader loader() {
        return loader;
    }

    Path config() {
        return dir.resolve("alimi.yaml");
    }

    Path write(String yaml) {
        return write("alimi.yaml", yaml);
    }

    Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Catalog load(String yaml) {
        write(yaml);
        try {
            return loader.load(config());
        } catch (ConfigException e) {
            throw new AssertionError("expected a valid config but got:\n" + e.getMessage(), e);
        }
    }

    List<ConfigError> errors(String yaml) {
        write(yaml);
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.load(config()));
        assertThat(e).as("expected the config to be rejected").isNotNull();
        return e.errors();
    }

    /** The only error of a config. */
    ConfigError error(String yaml) {
        List<ConfigError> errors = errors(yaml);
        assertThat(errors).as(errors.toString()).hasSize(1);
        return errors.getFirst();
    }
}
