package dev.alimi.cli;

import dev.alimi.config.ConfigError;
import dev.alimi.config.ConfigWatcher;
import dev.alimi.model.Catalog;
import dev.alimi.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code alimi run}: the service. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Check every watch on its site's budget and send alerts; edits to the config apply live.",
                "Without --config it reads ./alimi.yaml, and without that it runs the built-in demo shop."})
final class RunCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger("alimi");

    private final CliContext context;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "config file (default: alimi.yaml)")
    Path config;

    RunCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        Path file = config != null ? config : Path.of("alimi.yaml");
        if (config == null && !Files.exists(file)) {
            context.err().println("No alimi.yaml here, so running the built-in demo shop (see 'alimi demo --help').");
            return new DemoCommand(context).call();
        }
        var loaded = ConfigFiles.load(context, file);
        if (loaded.isEmpty()) return 1;
        Catalog catalog = loaded.get();
        try (Store store = AlimiService.openStore(catalog);
             AlimiService service = new AlimiService(context.clock(), context.out(), new AlertLog(), store);
             ConfigWatcher watcher = new ConfigWatcher(file, ConfigFiles.loader(context),
                     next -> {
                         service.apply(next);
                         log.info("config reloaded: {} watches on {} sites", next.watches().size(), next.sites().size());
                         service.incidents().configReloaded().ifPresent(service::tell);
                     },
                     errors -> {
                         log.error("config edit has {} error(s); still running the previous config:", errors.size());
                         errors.forEach(e -> log.error("  {}", e));
                         service.incidents().configReloadFailed(errors.stream().map(ConfigError::toString).toList())
                                 .ifPresent(service::tell);
                     })) {
            service.apply(catalog);
            watcher.start();
            log.info("watching {} watches on {} sites, alerts to {}; edit {} to change (applied live); Ctrl-C stops",
                    catalog.watches().size(), catalog.sites().size(),
                    catalog.channels().isEmpty() ? "no channel" : String.join(", ", catalog.channels().keySet()), file);
            context.stop().await();
            log.info("stopping");
        }
        return 0;
    }
}
