package dev.alimi.config;

import java.util.List;

/** A config that cannot be used; carries every problem found, sorted by file and line. */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<ConfigError> errors;

    public ConfigException(List<ConfigError> errors) {
        super(describe(errors));
        this.errors = List.copyOf(errors);
    }

    public List<ConfigError> errors() {
        return errors;
    }

    private static String describe(List<ConfigError> errors) {
        StringBuilder s = new StringBuilder();
        s.append(errors.size() == 1 ? "1 problem in the config" : errors.size() + " problems in the config");
        for (ConfigError e : errors) s.append(System.lineSeparator()).append("  ").append(e);
        return s.toString();
    }
}
