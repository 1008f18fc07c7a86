package dev.alimi.cli;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * {@code alimi run} in a child JVM on the test classpath (the same code the jar holds), so a test can
 * kill it the hard way ({@code kill -9}) and start it again on the same store.
 */
final class ChildAlimi implements AutoCloseable {

    private final Process process;
    private final Path log;

    private ChildAlimi(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code alimi run --config config}; its output goes to a log file beside the config. */
    static ChildAlimi run(Path config, String label) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx256m", "--enable-native-access=ALL-UNNAMED",
                "-cp", classpath, Main.class.getName(), "run", "--config", config.toString()));
        Path log = config.resolveSibling("alimi-" + label + ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ChildAlimi(p, log);
    }

    /** Waits until the child has made {@code more} requests past {@code counter}'s value now. */
    ChildAlimi awaitChecks(LongSupplier counter, long more) {
        long from = counter.getAsLong();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            if (!process.isAlive()) throw new AssertionError("alimi exited with " + process.exitValue() + ":\n" + output());
            return counter.getAsLong() >= from + more;
        });
        return this;
    }

    /** {@code kill -9}: no shutdown hook, no flush, nothing finished. */
    void killHard() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) killHard();
        }
    }
}
