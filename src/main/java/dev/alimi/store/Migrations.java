package dev.alimi.store;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/** Brings a database to the current schema with Flyway, from its dialect's migration folder. */
final class Migrations {

    private Migrations() {}

    /** Migrates to the newest version. */
    static MigrateResult migrate(DataSource dataSource, Dialect dialect) {
        return migrate(dataSource, dialect, null);
    }

    /** Migrates to {@code target} (e.g. "1"), or to the newest version when null; tests start from old schemas. */
    static MigrateResult migrate(DataSource dataSource, Dialect dialect, String target) {
        var config = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(dialect.migrationLocation())
                .validateMigrationNaming(true);
        if (target != null) {
            config.target(target);
        }
        try {
            return config.load().migrate();
        } catch (FlywayException e) {
            throw new StoreException("cannot bring the store to the current schema: " + e.getMessage(), e);
        }
    }
}
