package dev.alimi.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/**
 * What the commands get from the outside world, so tests can run them in-process.
 *
 * @param out   where results and console alerts go
 * @param err   where errors go
 * @param env   the process environment
 * @param clock the time source of everything the commands build
 * @param stop  fires when the user presses Ctrl-C (or a test says stop)
 */
public record CliContext(PrintStream out, PrintStream err, Map<String, String> env, Clock clock, StopSignal stop) {

    public static CliContext system() {
        return new CliContext(System.out, System.err, System.getenv(), Clock.systemUTC(), new StopSignal());
    }
}
