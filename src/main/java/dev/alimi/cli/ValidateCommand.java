package dev.alimi.cli;

import dev.alimi.model.Catalog;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code alimi validate}: every config error at once, exit 1 when there is any. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a config file and print every error (file:line: key: message); exit 1 on errors.")
final class ValidateCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = "alimi.yaml",
            description = "config file (default: ${DEFAULT-VALUE})")
    Path config;

    ValidateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        var loaded = ConfigFiles.load(context, config, config + " is not valid.");
        if (loaded.isEmpty()) return 1;
        Catalog c = loaded.get();
        long implicit = c.sites().values().stream().filter(s -> s.implicit()).count();
        context.out().printf("%s is valid: %d watches, %d sites (%d implicit), %d channels, %d routes%n",
                config, c.watches().size(), c.sites().size(), implicit, c.channels().size(), c.routes().size());
        return 0;
    }
}
