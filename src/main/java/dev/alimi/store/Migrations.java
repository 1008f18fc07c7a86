package dev.alimi.store;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/** Brings a database to the current schema with Flyway; SQL is portable but for the identity column. */
final class Migrations {

    private Migrations() {}

    /** Migrates the store at {@code url} to the newest version. */
    static MigrateResult migrate(DataSource dataSource, StoreUrl url) {
        return migrate(dataSource, url, null);
    }

    /** Migrates to {@code target} (e.g. "1"), or to the newest version when null; tests start from old schemas. */
    static MigrateResult migrate(DataSource dataSource, StoreUrl url, String target) {
        var config = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(Dialect.MIGRATIONS)
                .placeholders(java.util.Map.of("identity", url.dialect().identityColumn()))
                .validateMigrationNaming(true);
        if (target != null) {
            config.target(target);
        }
        try {
            return config.load().migrate();
        } catch (FlywayException e) {
            throw new StoreException("cannot open the store at " + url.describe() + " and bring it to the current schema: "
                    + StoreUrl.redact(firstLine(e.getMessage())), e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        return message.strip().lines().findFirst().orElse(message);
    }
}
