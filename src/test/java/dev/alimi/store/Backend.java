package dev.alimi.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases every store contract runs against: SQLite in a temp folder, and the local PostgreSQL
 * (127.0.0.1:5432, user postgres, database test, trust auth) in a fresh schema per test, dropped after.
 * PostgreSQL being down skips its runs, unless {@code ALIMI_REQUIRE_SERVICES=1} makes it a failure.
 */
enum Backend {
    SQLITE {
        @Override
        TestDatabase create() {
            try {
                Path dir = Files.createTempDirectory("alimi-store-");
                return new TestDatabase(StoreUrl.parse("sqlite:alimi.db", dir), () -> deleteTree(dir));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    },
    POSTGRESQL {
        @Override
        TestDatabase create() {
            String schema = "alimi_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection c = postgres()) {
                c.createStatement().execute("CREATE SCHEMA " + schema);
            } catch (SQLException e) {
                unavailable(e);
            }
            StoreUrl url = StoreUrl.parse("postgresql://" + USER + "@" + HOST + "/" + DATABASE + "?currentSchema=" + schema,
                    null);
            return new TestDatabase(url, () -> {
                try (Connection c = postgres()) {
                    c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                } catch (SQLException e) {
                    throw new IllegalStateException("could not drop test schema " + schema, e);
                }
            });
        }
    };

    static final String HOST = "127.0.0.1:5432";
    static final String USER = "postgres";
    static final String DATABASE = "test";

    /** A fresh empty database; skips (or fails, when services are required) if it cannot be had. */
    abstract TestDatabase create();

    static Connection postgres() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + "/" + DATABASE, USER, "");
    }

    private static void unavailable(SQLException e) {
        String message = "PostgreSQL is not reachable at " + HOST + " (user " + USER + ", database " + DATABASE + "): "
                + e.getMessage();
        if ("1".equals(System.getenv("ALIMI_REQUIRE_SERVICES"))) {
            Assertions.fail(message + "; ALIMI_REQUIRE_SERVICES=1 requires it", e);
        }
        Assumptions.abort(message + "; skipping the PostgreSQL run of this test"
                + " (set ALIMI_REQUIRE_SERVICES=1 to fail instead)");
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
