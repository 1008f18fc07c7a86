package dev.alimi.cli;

import dev.alimi.config.ConfigError;
import dev.alimi.config.ConfigException;
import dev.alimi.config.ConfigLoader;
import dev.alimi.model.Catalog;
import java.nio.file.Path;
import java.util.Optional;

/** Loads a config for a command and prints every error the way users read them: file:line: key: message. */
final class ConfigFiles {

    private ConfigFiles() {}

    static ConfigLoader loader(CliContext context) {
        return new ConfigLoader(AlimiService.configChecks(), context.env());
    }

    /** The validated config, or empty after printing all its errors to stderr. */
    static Optional<Catalog> load(CliContext context, Path file) {
        return load(context, file, "nothing started.");
    }

    /** Same, ending the error list with what the command did not do. */
    static Optional<Catalog> load(CliContext context, Path file, String consequence) {
        try {
            return Optional.of(loader(context).load(file));
        } catch (ConfigException e) {
            for (ConfigError error : e.errors()) context.err().println(error);
            context.err().println((e.errors().size() == 1 ? "1 error" : e.errors().size() + " errors") + "; " + consequence);
            return Optional.empty();
        }
    }
}
