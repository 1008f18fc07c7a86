package dev.alimi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite runs the way a single-node service needs: WAL, a busy timeout, foreign keys, beside the config. */
class SqliteSettingsTest {

    @TempDir
    Path configDir;

    @Test
    void theFileIsCreatedBesideTheConfigWithWalBusyTimeoutAndForeignKeys() throws SQLException {
        try (Store store = Store.open("sqlite:state/alimi.db", configDir)) {
            assertThat(Files.exists(configDir.resolve("state/alimi.db"))).isTrue();
            try (Connection c = store.connection(); Statement s = c.createStatement()) {
                assertThat(pragma(s, "journal_mode")).isEqualTo("wal");
                assertThat(pragma(s, "foreign_keys")).isEqualTo("1");
                assertThat(pragma(s, "busy_timeout")).isEqualTo(String.valueOf(Store.SQLITE_BUSY_TIMEOUT_MS));
                assertThatThrownBy(() -> s.executeUpdate("INSERT INTO deliveries (alert_id, kind, channel, status,"
                        + " detected_at, sent_at, attempts) VALUES (999, 'ALERT', 'c', 'SENT', 0, 0, 1)"))
                        .as("a delivery of no alert")
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("FOREIGN KEY");
            }
        }
    }

    private static String pragma(Statement s, String name) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
