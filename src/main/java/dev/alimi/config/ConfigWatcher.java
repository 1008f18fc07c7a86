package dev.alimi.config;

import dev.alimi.model.Catalog;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a config file and the {@code .env} beside it; on a change it reloads and hands over the
 * new catalog, or the errors of a broken edit (the caller keeps running the old config).
 * Changes are found by content, so editors that replace files and coarse mtimes both work.
 */
public final class ConfigWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigWatcher.class);
    public static final Duration DEFAULT_POLL = Duration.ofMillis(500);

    private final Path file;
    private final Path envFile;
    private final ConfigLoader loader;
    private final Consumer<Catalog> onChange;
    private final Consumer<List<ConfigError>> onError;
    private final Duration pollEvery;
    private byte[] lastSeen;
    private Thread thread;
    private volatile boolean closed;

    public ConfigWatcher(Path file, ConfigLoader loader, Consumer<Catalog> onChange, Consumer<List<ConfigError>> onError) {
        this(file, loader, onChange, onError, DEFAULT_POLL);
    }

    /** The state of the files now is the baseline: only later edits cause a reload. */
    public ConfigWatcher(Path file, ConfigLoader loader, Consumer<Catalog> onChange, Consumer<List<ConfigError>> onError,
            Duration pollEvery) {
        this.file = Objects.requireNonNull(file, "file");
        this.envFile = ConfigLoader.envFileOf(file);
        this.loader = Objects.requireNonNull(loader, "loader");
        this.onChange = Objects.requireNonNull(onChange, "onChange");
        this.onError = Objects.requireNonNull(onError, "onError");
        if (pollEvery.isNegative() || pollEvery.isZero()) throw new IllegalArgumentException("pollEvery must be positive");
        this.pollEvery = pollEvery;
        this.lastSeen = fingerprint();
    }

    /** Starts polling on a virtual thread. */
    public synchronized void start() {
        if (thread != null || closed) return;
        thread = Thread.ofVirtual().name("config-watcher").start(this::loop);
    }

    /** Checks once, now; true when the files changed and it reloaded or reported errors. */
    public synchronized boolean checkNow() {
        byte[] now = fingerprint();
        if (Arrays.equals(now, lastSeen)) return false;
        lastSeen = now;
        Catalog catalog;
        try {
            catalog = loader.load(file);
        } catch (ConfigException e) {
            onError.accept(e.errors());
            return true;
        }
        onChange.accept(catalog);
        return true;
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            closed = true;
            t = thread;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        while (!closed) {
            try {
                Thread.sleep(pollEvery);
            } catch (InterruptedException e) {
                return;
            }
            if (closed) return;
            try {
                checkNow();
            } catch (RuntimeException e) {
                // A failing callback must not end watching: the next edit deserves a reload too.
                LOG.error("config reload callback failed: {}", e.getClass().getName());
            }
        }
    }

    /** A hash over both files' contents (or their absence). */
    private byte[] fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            digest(sha, file);
            digest(sha, envFile);
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static void digest(MessageDigest sha, Path path) {
        try {
            byte[] bytes = TextFiles.readBytes(path);
            sha.update((byte) 1);
            sha.update(bytes);
        } catch (NoSuchFileException e) {
            sha.update((byte) 0);
        } catch (IOException e) {
            // Unreadable or too large: the loader says which; the hash just has to differ from a good state.
            sha.update((byte) 2);
            sha.update(e.getClass().getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        sha.update((byte) 0xff);
    }
}
