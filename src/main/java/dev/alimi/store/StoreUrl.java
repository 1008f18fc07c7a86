package dev.alimi.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the store lives, resolved from the config's {@code store:} value.
 *
 * <p>Accepted: {@code sqlite:alimi.db} (a relative path is resolved beside the config file),
 * {@code sqlite:/abs/path.db}, {@code postgresql://[user[:password]@]host[:port]/db[?params]}
 * (also {@code postgres://}), and {@code jdbc:sqlite:…} or {@code jdbc:postgresql:…} as given.
 *
 * @param dialect  which database
 * @param jdbcUrl  the JDBC URL, without user and password
 * @param user     the user, or null for the driver's default
 * @param password the password, or null
 * @param file     the SQLite database file, or null for PostgreSQL
 */
public record StoreUrl(Dialect dialect, String jdbcUrl, String user, String password, Path file) {

    /** The URL used when the config says nothing. */
    public static final String DEFAULT = "sqlite:alimi.db";

    public StoreUrl {
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    }

    /** Parses a store URL; {@code configDir} is where a relative SQLite path is resolved (null: working dir). */
    public static StoreUrl parse(String url, Path configDir) {
        String raw = url == null || url.isBlank() ? DEFAULT : url.strip();
        Path base = configDir == null ? Path.of("") : configDir;
        if (raw.startsWith("jdbc:sqlite:")) {
            return sqlite(raw.substring("jdbc:sqlite:".length()), base, raw);
        }
        if (raw.startsWith("sqlite:")) {
            return sqlite(raw.substring("sqlite:".length()), base, raw);
        }
        if (raw.startsWith("jdbc:postgresql:")) {
            return new StoreUrl(Dialect.POSTGRESQL, raw, null, null, null);
        }
        if (raw.startsWith("postgresql://") || raw.startsWith("postgres://")) {
            return postgres(raw);
        }
        throw new StoreException("store URL '" + redact(raw) + "' is not supported: use sqlite:FILE (e.g. "
                + DEFAULT + ") or postgresql://host[:port]/database");
    }

    private static StoreUrl sqlite(String location, Path base, String raw) {
        String path = location.startsWith("file:") ? location.substring("file:".length()) : location;
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        if (path.isBlank()) {
            throw new StoreException("store URL '" + raw + "' names no database file: use e.g. " + DEFAULT);
        }
        if (path.equals(":memory:") || path.contains("mode=memory")) {
            throw new StoreException("store URL '" + raw + "': an in-memory SQLite database would lose every alert"
                    + " on restart; name a file, e.g. " + DEFAULT);
        }
        Path file = base.resolve(path).toAbsolutePath().normalize();
        return new StoreUrl(Dialect.SQLITE, "jdbc:sqlite:" + file, null, null, file);
    }

    private static StoreUrl postgres(String raw) {
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            throw new StoreException("store URL '" + redact(raw) + "' is not a valid URL: " + e.getReason());
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new StoreException("store URL '" + redact(raw) + "' names no host: use postgresql://host[:port]/database");
        }
        String db = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        if (db.isBlank()) {
            throw new StoreException("store URL '" + redact(raw) + "' names no database: use postgresql://host[:port]/database");
        }
        String user = null;
        String password = null;
        String info = uri.getRawUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? null : decode(info.substring(colon + 1));
        }
        String host = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new StoreUrl(Dialect.POSTGRESQL, "jdbc:postgresql://" + host + "/" + db + query, user, password, null);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** The URL with any password replaced by {@code ***}, for logs and errors. */
    public static String redact(String url) {
        if (url == null) {
            return null;
        }
        return url.replaceAll("(?<=://)([^:/@?#]*):[^@/?#]*@", "$1:***@")
                .replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    /** Where the store is, safe to log. */
    public String describe() {
        return redact(jdbcUrl) + (user == null ? "" : " as " + user);
    }

    @Override
    public String toString() {
        return "StoreUrl[" + dialect + ", " + describe() + "]";
    }
}
