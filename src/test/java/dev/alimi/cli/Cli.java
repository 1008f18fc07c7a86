package dev.alimi.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/** Runs the CLI in-process and keeps what it printed. */
final class Cli {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final CliContext context;

    Cli() {
        this(Map.of());
    }

    Cli(Map<String, String> env) {
        context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, Clock.systemUTC(), new StopSignal());
    }

    int run(String... args) {
        return Main.run(context, args);
    }

    /** Runs a long command on its own thread (not the common pool, whose one thread on 2 cores other code may need). */
    static java.util.concurrent.CompletableFuture<Integer> inBackground(java.util.function.IntSupplier command) {
        var result = new java.util.concurrent.CompletableFuture<Integer>();
        Thread.ofPlatform().name("cli-under-test").daemon().start(() -> {
            try {
                result.complete(command.getAsInt());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** The alerts a fake receiver got: its POSTs (the dispatcher also warms connections up with a HEAD). */
    static java.util.List<dev.alimi.notify.FakeReceiver.Request> alerts(dev.alimi.notify.FakeReceiver receiver) {
        return receiver.received().stream().filter(r -> r.method().equals("POST")).toList();
    }

    /** Waits until a fake receiver has {@code n} alerts, and returns them. */
    static java.util.List<dev.alimi.notify.FakeReceiver.Request> awaitAlerts(dev.alimi.notify.FakeReceiver receiver, int n) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() -> alerts(receiver).size() >= n);
        return alerts(receiver);
    }

    /** Writes {@code dir/alimi.yaml}: one JSON watch and the given {@code channels:} entries (YAML, 2-space indented). */
    static java.nio.file.Path oneWatchConfig(java.nio.file.Path dir, String channels) throws java.io.IOException {
        return java.nio.file.Files.writeString(dir.resolve("alimi.yaml"), """
                watches:
                  - name: one
                    url: https://shop.example/p/1
                    detect: { json-path: $.stock }
                channels:
                """ + channels.stripIndent().indent(2));
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
