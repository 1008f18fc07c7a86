package dev.alimi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StoreUrlTest {

    private static final Path CONFIG_DIR = Path.of("/etc/alimi");

    @Test
    void aRelativeSqliteFileLivesBesideTheConfig() {
        StoreUrl url = StoreUrl.parse("sqlite:alimi.db", CONFIG_DIR);

        assertThat(url.dialect()).isEqualTo(Dialect.SQLITE);
        assertThat(url.file()).isEqualTo(Path.of("/etc/alimi/alimi.db"));
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:sqlite:/etc/alimi/alimi.db");
        assertThat(StoreUrl.parse("sqlite:data/../state/a.db", CONFIG_DIR).file())
                .isEqualTo(Path.of("/etc/alimi/state/a.db"));
    }

    @Test
    void absoluteAndJdbcSqliteUrlsAreKept() {
        assertThat(StoreUrl.parse("sqlite:/var/lib/alimi/a.db", CONFIG_DIR).file()).isEqualTo(Path.of("/var/lib/alimi/a.db"));
        assertThat(StoreUrl.parse("jdbc:sqlite:/var/lib/alimi/a.db", CONFIG_DIR).file())
                .isEqualTo(Path.of("/var/lib/alimi/a.db"));
        assertThat(StoreUrl.parse("jdbc:sqlite:file:a.db", CONFIG_DIR).file()).isEqualTo(Path.of("/etc/alimi/a.db"));
    }

    @Test
    void noUrlMeansTheDefaultFile() {
        assertThat(StoreUrl.parse(null, CONFIG_DIR).file()).isEqualTo(Path.of("/etc/alimi/alimi.db"));
        assertThat(StoreUrl.parse("  ", CONFIG_DIR).file()).isEqualTo(Path.of("/etc/alimi/alimi.db"));
    }

    @Test
    void postgresUrlsBecomeJdbcUrls() {
        StoreUrl plain = StoreUrl.parse("postgresql://db.local/alimi", CONFIG_DIR);
        assertThat(plain.dialect()).isEqualTo(Dialect.POSTGRESQL);
        assertThat(plain.jdbcUrl()).isEqualTo("jdbc:postgresql://db.local/alimi");
        assertThat(plain.user()).isNull();
        assertThat(plain.file()).isNull();

        StoreUrl full = StoreUrl.parse("postgres://alimi:s%40cret@10.0.0.5:6432/alerts?sslmode=require", CONFIG_DIR);
        assertThat(full.jdbcUrl()).isEqualTo("jdbc:postgresql://10.0.0.5:6432/alerts?sslmode=require");
        assertThat(full.user()).isEqualTo("alimi");
        assertThat(full.password()).isEqualTo("s@cret");

        assertThat(StoreUrl.parse("jdbc:postgresql://h/db", CONFIG_DIR).jdbcUrl()).isEqualTo("jdbc:postgresql://h/db");
    }

    @Test
    void passwordsNeverShow() {
        StoreUrl url = StoreUrl.parse("postgresql://alimi:hunter2@db.local/alimi", CONFIG_DIR);

        assertThat(url.toString()).doesNotContain("hunter2").contains("db.local/alimi").contains("alimi");
        assertThat(StoreUrl.redact("jdbc:postgresql://h/db?user=a&password=hunter2&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=a&password=***&ssl=true");
        assertThat(StoreUrl.redact("postgresql://alimi:hunter2@db.local/alimi"))
                .isEqualTo("postgresql://alimi:***@db.local/alimi");
        assertThatThrownBy(() -> StoreUrl.parse("mysql://root:hunter2@h/db", CONFIG_DIR))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("not supported")
                .hasMessageContaining("sqlite:")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void badUrlsSayWhatIsMissing() {
        assertThatThrownBy(() -> StoreUrl.parse("sqlite:", CONFIG_DIR)).hasMessageContaining("names no database file");
        assertThatThrownBy(() -> StoreUrl.parse("sqlite::memory:", CONFIG_DIR)).hasMessageContaining("in-memory");
        assertThatThrownBy(() -> StoreUrl.parse("postgresql://db.local/", CONFIG_DIR))
                .hasMessageContaining("names no database");
        assertThatThrownBy(() -> StoreUrl.parse("postgresql:///alimi", CONFIG_DIR)).hasMessageContaining("names no host");
        assertThatThrownBy(() -> StoreUrl.parse("postgresql://u:pw@bad host/db", CONFIG_DIR))
                .isInstanceOf(StoreException.class)
                .hasMessageNotContaining(":pw@");
    }
}
