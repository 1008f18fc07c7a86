package dev.alimi.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alimi.model.Catalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigWatcherTest {

    @TempDir
    Path dir;

    final List<Catalog> changes = new ArrayList<>();
    final List<List<ConfigError>> failures = new ArrayList<>();

    static String config(String name) {
        return """
                watches:
                  - name: %s
                    url: https://shop.example/p/1
                    detect: { json-path: $.stock }
                    tags: ["${TAG:-none}"]
                """.formatted(name);
    }

    ConfigWatcher watcher(ConfigFiles files) {
        return new ConfigWatcher(files.config(), files.loader(), changes::add, failures::add);
    }

    @Test
    void anEditIsReloaded() {
        ConfigFiles files = new ConfigFiles(dir);
        files.write(config("first"));
        try (ConfigWatcher w = watcher(files)) {
            assertThat(w.checkNow()).isFalse();
            files.write(config("second"));
            assertThat(w.checkNow()).isTrue();
            assertThat(w.checkNow()).isFalse();
        }
        assertThat(changes).singleElement().satisfies(c -> assertThat(c.watches().getFirst().name()).isEqualTo("second"));
        assertThat(failures).isEmpty();
    }

    @Test
    void aBrokenEditReportsErrorsAndKeepsTheOldConfig() {
        ConfigFiles files = new ConfigFiles(dir);
        files.write(config("first"));
        try (ConfigWatcher w = watcher(files)) {
            files.write(config("first").replace("detect", "detekt"));
            assertThat(w.checkNow()).isTrue();
            assertThat(changes).isEmpty();
            assertThat(failures).singleElement().satisfies(errors -> assertThat(errors).extracting(ConfigError::toString)
                    .contains("alimi.yaml:4: watches[0].detekt: unknown key `detekt`; did you mean `detect`?"));
            files.write(config("fixed"));
            assertThat(w.checkNow()).isTrue();
        }
        assertThat(changes).singleElement().satisfies(c -> assertThat(c.watches().getFirst().name()).isEqualTo("fixed"));
    }

    @Test
    void aDotEnvEditIsReloaded() {
        ConfigFiles files = new ConfigFiles(dir);
        files.write(config("first"));
        try (ConfigWatcher w = watcher(files)) {
            files.write(".env", "TAG=masks\n");
            assertThat(w.checkNow()).isTrue();
        }
        assertThat(changes).singleElement().satisfies(c -> assertThat(c.watches().getFirst().tags()).containsExactly("masks"));
    }

    @Test
    void theBackgroundThreadStartsAndStops() {
        ConfigFiles files = new ConfigFiles(dir, ConfigChecks.lenient(), Map.of());
        files.write(config("first"));
        ConfigWatcher w = watcher(files);
        w.start();
        w.close();
        // Closed: polling no longer runs, and an explicit check still works.
        files.write(config("second"));
        assertThat(w.checkNow()).isTrue();
        assertThat(changes).hasSize(1);
    }

    @Test
    void theBackgroundThreadReloadsOnItsOwn() {
        ConfigFiles files = new ConfigFiles(dir);
        files.write(config("first"));
        List<Catalog> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (ConfigWatcher w = new ConfigWatcher(files.config(), files.loader(), seen::add, failures::add,
                java.time.Duration.ofMillis(10))) {
            w.start();
            files.write(config("second"));
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> !seen.isEmpty());
        }
        assertThat(seen.getFirst().watches().getFirst().name()).isEqualTo("second");
    }
}
