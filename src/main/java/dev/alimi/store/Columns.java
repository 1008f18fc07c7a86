package dev.alimi.store;

import dev.alimi.model.Availability;
import dev.alimi.model.Observation;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Conversions between our values and portable columns: epoch millis, decimal strings, enum names. */
final class Columns {

    /** Evidence is a short human reason; a hostile page must not grow the database by megabytes a check. */
    static final int EVIDENCE_MAX = 2_000;

    private Columns() {}

    /** The evidence as stored: at most {@link #EVIDENCE_MAX} characters, marked when cut. */
    static String evidence(String evidence) {
        if (evidence.length() <= EVIDENCE_MAX) {
            return evidence;
        }
        int end = EVIDENCE_MAX - 1;
        if (Character.isHighSurrogate(evidence.charAt(end - 1))) {
            end--;
        }
        return evidence.substring(0, end) + "…";
    }

    static Long millis(Instant t) {
        return t == null ? null : t.toEpochMilli();
    }

    static String decimal(BigDecimal d) {
        return d == null ? null : d.toPlainString();
    }

    static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static BigDecimal decimal(ResultSet rs, String column) throws SQLException {
        String v = rs.getString(column);
        return v == null ? null : new BigDecimal(v);
    }

    static Availability availability(ResultSet rs, String column) throws SQLException {
        String v = rs.getString(column);
        return v == null ? null : Availability.valueOf(v);
    }

    /** Reads the observation columns shared by {@code observations} and {@code alerts}. */
    static Observation observation(ResultSet rs, String timeColumn) throws SQLException {
        return new Observation(rs.getString("watch"), availability(rs, "availability"), longOrNull(rs, "quantity"),
                decimal(rs, "price"), rs.getString("currency"), rs.getString("evidence"), rs.getString("detector"),
                instant(rs, timeColumn));
    }
}
