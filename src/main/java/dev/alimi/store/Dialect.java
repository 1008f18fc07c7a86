package dev.alimi.store;

/** The databases the store runs on; each has its own migration folder because identity columns differ. */
public enum Dialect {
    SQLITE("db/migration/sqlite"),
    POSTGRESQL("db/migration/postgresql");

    private final String migrations;

    Dialect(String migrations) {
        this.migrations = migrations;
    }

    /** The Flyway location of this dialect's migrations. */
    public String migrationLocation() {
        return "classpath:" + migrations;
    }
}
