package dev.alimi.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The persistent store: opened from the config's {@code store:} URL, migrated on open, closed on shutdown.
 *
 * <p>SQLite runs with WAL, a busy timeout, foreign keys on, and one pooled connection (the single
 * writer). PostgreSQL gets a small pool. Each call of a part runs on its own; {@link #inTransaction}
 * runs several as one. Thread-safe.
 */
public final class Store implements StoreSession, AutoCloseable {

    static final int SQLITE_BUSY_TIMEOUT_MS = 5_000;
    static final int POSTGRES_POOL_SIZE = 4;
    private static final Logger log = LoggerFactory.getLogger(Store.class);

    private final StoreUrl url;
    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final String session = UUID.randomUUID().toString();
    private final Parts parts;

    private Store(StoreUrl url, HikariDataSource pool) {
        this.url = url;
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
        jdbi.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
        this.parts = new Parts(Db.pooled(jdbi), session);
    }

    /** Opens (creating and migrating as needed) the store at {@code url}; see {@link StoreUrl} for the forms. */
    public static Store open(String url, Path configDir) {
        return open(StoreUrl.parse(url, configDir));
    }

    /** Opens the store at a parsed URL. */
    public static Store open(StoreUrl url) {
        Objects.requireNonNull(url, "url");
        DataSource direct = direct(url);
        Migrations.migrate(direct, url);
        HikariConfig config = new HikariConfig();
        config.setDataSource(direct);
        config.setPoolName("alimi-store");
        config.setMaximumPoolSize(url.dialect() == Dialect.SQLITE ? 1 : POSTGRES_POOL_SIZE);
        config.setMinimumIdle(1);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot connect to the store at " + url.describe() + ": " + e.getMessage(), e);
        }
        log.info("store open at {}", url.describe());
        return new Store(url, pool);
    }

    /** An unpooled data source with the settings every connection needs; migrations run on it before the pool. */
    static DataSource direct(StoreUrl url) {
        return switch (url.dialect()) {
            case SQLITE -> {
                createParent(url.file());
                SQLiteConfig config = new SQLiteConfig();
                config.setJournalMode(SQLiteConfig.JournalMode.WAL);
                config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
                config.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
                config.enforceForeignKeys(true);
                SQLiteDataSource ds = new SQLiteDataSource(config);
                ds.setUrl(url.jdbcUrl());
                yield ds;
            }
            case POSTGRESQL -> {
                PGSimpleDataSource ds = new PGSimpleDataSource();
                ds.setURL(url.jdbcUrl());
                if (url.user() != null) {
                    ds.setUser(url.user());
                }
                if (url.password() != null) {
                    ds.setPassword(url.password());
                }
                yield ds;
            }
        };
    }

    private static void createParent(Path file) {
        try {
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreException("cannot create the folder for the store file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} in one transaction: all its writes happen, or none. Use only the session it is given. */
    public <T> T inTransaction(Function<StoreSession, T> work) {
        return jdbi.inTransaction(h -> work.apply(new Parts(Db.bound(h), session)));
    }

    /** Where the store is. */
    public StoreUrl url() {
        return url;
    }

    /** Which database it runs on. */
    public Dialect dialect() {
        return url.dialect();
    }

    @Override
    public WatchStateStore watchStates() {
        return parts.watchStates();
    }

    @Override
    public ObservationLog observations() {
        return parts.observations();
    }

    @Override
    public EpisodeStore episodes() {
        return parts.episodes();
    }

    @Override
    public Outbox outbox() {
        return parts.outbox();
    }

    @Override
    public DeliveryLog deliveries() {
        return parts.deliveries();
    }

    @Override
    public StatsQueries stats() {
        return parts.stats();
    }

    /** A connection for checks such as the migration test; the caller closes it. */
    Connection connection() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public void close() {
        pool.close();
    }

    /** The parts, all on one {@link Db}. */
    private record Parts(WatchStateStore watchStates, ObservationLog observations, EpisodeStore episodes,
            Outbox outbox, DeliveryLog deliveries, StatsQueries stats) implements StoreSession {

        Parts(Db db, String session) {
            this(new JdbiWatchStateStore(db), new JdbiObservationLog(db), new JdbiEpisodeStore(db),
                    new JdbiOutbox(db, session), new JdbiDeliveryLog(db), new JdbiStatsQueries(db));
        }
    }
}
