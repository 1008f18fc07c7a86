package dev.alimi.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.alimi.fetch.ProxyTunnelling;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code alimi} command: wires the subcommands and runs one. */
@Command(name = "alimi",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {"Restock alerts: watches shop pages and APIs and tells you the moment a product can be bought.",
                "", "Start with 'alimi demo', then write an alimi.yaml (see the README) and 'alimi run'."},
        subcommandsRepeatable = false)
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        ProxyTunnelling.allowBasic(); // before any HTTP client exists
        CliContext context = CliContext.system();
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> context.stop().stopAndWait(java.time.Duration.ofSeconds(10)), "alimi-shutdown"));
        quietLogsUnless(args.length > 0 && (args[0].equals("run") || args[0].equals("demo")));
        int code = run(context, args);
        context.stop().finished();
        System.exit(code);
    }

    /** Runs one command line in-process; returns the exit code. */
    public static int run(CliContext context, String... args) {
        CommandLine cli = new CommandLine(new Main())
                .addSubcommand("run", new RunCommand(context))
                .addSubcommand("check", new CheckCommand(context))
                .addSubcommand("validate", new ValidateCommand(context))
                .addSubcommand("notify-test", new NotifyTestCommand(context))
                .addSubcommand("demo", new DemoCommand(context))
                .addSubcommand("stats", new StatsCommand(context))
                .addSubcommand("help", new CommandLine.HelpCommand());
        cli.setOut(new java.io.PrintWriter(context.out(), true));
        cli.setErr(new java.io.PrintWriter(context.err(), true));
        cli.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("alimi: " + ex.getMessage());
            LoggerFactory.getLogger(Main.class).debug("command failed", ex);
            return 1;
        });
        return cli.execute(args);
    }

    /** One-shot commands print their result; INFO logs would only bury it. Process-wide, so only from main. */
    private static void quietLogsUnless(boolean service) {
        if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof Logger root && System.getenv("ALIMI_LOG_LEVEL") == null) {
            root.setLevel(service ? Level.INFO : Level.WARN);
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reads the version from the jar manifest, if any. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"alimi " + (v == null ? "dev" : v)};
        }
    }
}
