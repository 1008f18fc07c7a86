package dev.alimi.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** An empty database and one left at the previous migration both reach the current schema, data kept. */
@ParameterizedClass
@EnumSource(Backend.class)
class MigrationTest extends StoreTestBase {

    private final List<TestDatabase> extra = new ArrayList<>();

    @AfterEach
    void dropExtra() {
        extra.forEach(d -> d.drop().run());
    }

    private TestDatabase another() {
        TestDatabase d = backend.create();
        extra.add(d);
        return d;
    }

    @Test
    void anEmptyDatabaseReachesTheNewestVersion() throws SQLException {
        assertThat(versions(store)).containsExactly("1", "2", "3");
        assertThat(schema(store)).anyMatch(c -> c.startsWith("alerts.claimed_by"))
                .anyMatch(c -> c.startsWith("alerts.told_price"))
                .anyMatch(c -> c.startsWith("deliveries.message_id"))
                .anyMatch(c -> c.equals("alerts index alerts_status_expiry"));
    }

    @Test
    void aDatabaseAtThePreviousMigrationReachesTheSameSchemaAndKeepsItsData() throws SQLException {
        TestDatabase old = another();
        DataSource direct = Store.direct(old.url());
        Migrations.migrate(direct, old.url(), "1");
        try (Connection c = direct.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO watch_state (watch, last_availability, last_observed_at, last_decisive,"
                    + " episode_start, observations, episodes) VALUES ('KF94', 'IN_STOCK', " + at(5).toEpochMilli()
                    + ", 'IN_STOCK', " + at(5).toEpochMilli() + ", 4, 1)");
            s.executeUpdate("INSERT INTO episodes (watch, site, started_at, first_quantity, last_quantity)"
                    + " VALUES ('KF94', 'coupang', " + at(5).toEpochMilli() + ", 9, 9)");
        }

        try (Store upgraded = Store.open(old.url())) {
            assertThat(versions(upgraded)).containsExactly("1", "2", "3");
            assertThat(schema(upgraded)).isEqualTo(schema(store));
            StoredWatchState state = upgraded.watchStates().find("KF94").orElseThrow();
            assertThat(state.episodeStart()).isEqualTo(at(5));
            assertThat(state.confirmations()).isZero();
            Episode episode = upgraded.episodes().open("KF94").orElseThrow();
            assertThat(episode.firstQuantity()).isEqualTo(9L);
            assertThat(upgraded.outbox().enqueue(new AlertDraft(episode.id(), "restocked", "masks", "friends",
                    inStock("KF94", 5, 9L, null), at(305)))).isPresent();
        }
    }

    /** A store at version 2 with an alert already sent: the alert reads as having told its own price and quantity. */
    @Test
    void aDatabaseAtVersionTwoReachesTheSameSchemaAndItsSentAlertsToldTheirOwnFacts() throws SQLException {
        TestDatabase old = another();
        DataSource direct = Store.direct(old.url());
        Migrations.migrate(direct, old.url(), "2");
        try (Connection c = direct.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO episodes (watch, site, started_at, first_quantity, last_quantity, first_price,"
                    + " last_price, currency) VALUES ('KF94', 'coupang', " + at(5).toEpochMilli() + ", 9, 9, '15900',"
                    + " '15900', 'KRW')");
            s.executeUpdate("INSERT INTO alerts (episode_id, watch, kind, route, channel, status, availability, quantity,"
                    + " price, currency, evidence, detector, detected_at, expires_at) SELECT id, 'KF94', 'restocked',"
                    + " 'masks', 'friends', 'SENT', 'IN_STOCK', 9, '15900', 'KRW', 'buy button', 'css', "
                    + at(5).toEpochMilli() + ", " + at(305).toEpochMilli() + " FROM episodes");
        }

        try (Store upgraded = Store.open(old.url())) {
            assertThat(versions(upgraded)).containsExactly("1", "2", "3");
            assertThat(schema(upgraded)).isEqualTo(schema(store));
            Episode episode = upgraded.episodes().open("KF94").orElseThrow();
            assertThat(upgraded.outbox().told(episode.id(), "restocked")).singleElement().satisfies(t ->
                    assertThat(t.told()).isEqualTo(new dev.alimi.model.Told(new java.math.BigDecimal("15900"), 9L, null)));
        }
    }

    @Test
    void openingAnUpToDateStoreAgainChangesNothing() throws SQLException {
        var before = schema(store);

        reopen();

        assertThat(versions(store)).containsExactly("1", "2", "3");
        assertThat(schema(store)).isEqualTo(before);
    }

    private static List<String> versions(Store s) throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Connection c = s.connection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT version FROM flyway_schema_history WHERE success = "
                        + (s.dialect() == Dialect.SQLITE ? "1" : "TRUE") + " AND version IS NOT NULL ORDER BY installed_rank")) {
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
        }
        return versions;
    }

    /** Every table's columns (name, type, nullability) and indexes, sorted. */
    private static TreeSet<String> schema(Store s) throws SQLException {
        TreeSet<String> schema = new TreeSet<>();
        try (Connection c = s.connection()) {
            DatabaseMetaData meta = c.getMetaData();
            String current = s.dialect() == Dialect.SQLITE ? null : c.getSchema();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = meta.getTables(null, current, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!table.startsWith("flyway_") && !table.startsWith("sqlite_")) {
                        tables.add(table);
                    }
                }
            }
            for (String table : tables) {
                try (ResultSet rs = meta.getColumns(null, current, table, "%")) {
                    while (rs.next()) {
                        schema.add(table + "." + rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT) + " "
                                + rs.getString("TYPE_NAME").toLowerCase(Locale.ROOT) + " "
                                + rs.getString("IS_NULLABLE"));
                    }
                }
                try (ResultSet rs = meta.getIndexInfo(null, current, table, false, false)) {
                    while (rs.next()) {
                        String index = rs.getString("INDEX_NAME");
                        if (index != null && !index.startsWith("sqlite_autoindex")) {
                            schema.add(table + " index " + index.toLowerCase(Locale.ROOT));
                        }
                    }
                }
            }
        }
        assertThat(schema).as("schema found").isNotEmpty();
        return schema;
    }
}
