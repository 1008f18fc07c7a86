package dev.alimi.detect;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A JSONPath compiled once, read into plain values (strings, numbers, booleans). */
final class JsonValues {

    private final String source;
    private final JsonPath path;

    private JsonValues(String source, JsonPath path) {
        this.source = source;
        this.path = path;
    }

    static JsonValues compile(String key, String path) {
        if (path == null || path.isBlank()) throw new IllegalArgumentException(key + " is empty");
        try {
            return new JsonValues(path, JsonPath.compile(path));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("invalid " + key + " " + Evidence.quote(path) + ": " + e.getMessage(), e);
        }
    }

    String source() {
        return source;
    }

    boolean isList() {
        return !path.isDefinite();
    }

    /**
     * The value(s) at the path: one element for a definite path, any number for a wildcard path.
     * Objects and nulls are left out; an absent path or a non-JSON body gives a reason instead.
     */
    Read read(ParsedPage page) {
        DocumentContext json = page.json();
        if (json == null) return Read.missing(page.jsonProblem());
        Object value;
        try {
            value = json.read(path);
        } catch (PathNotFoundException e) {
            return Read.missing("not found");
        }
        List<Object> values = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (isScalar(item)) values.add(item);
            }
            if (values.isEmpty()) return Read.missing("matched no value");
        } else if (isScalar(value)) {
            values.add(value);
        } else {
            return Read.missing(value == null ? "is null" : "is an object, not a value");
        }
        return new Read(values, null);
    }

    private static boolean isScalar(Object value) {
        return value != null && !(value instanceof Map<?, ?>) && !(value instanceof List<?>);
    }

    /** Parses a JSON number or a numeric string; null when it is neither. */
    static BigDecimal number(Object value) {
        String text;
        if (value instanceof BigDecimal d) {
            return sane(d);
        } else if (value instanceof Number n) {
            text = n.toString();
        } else if (value instanceof String s) {
            text = s.strip();
        } else {
            return null;
        }
        if (text.isEmpty() || text.length() > 40) return null;
        try {
            return sane(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Rejects exponents like 1e999999999 whose arithmetic would cost unbounded memory. */
    private static BigDecimal sane(BigDecimal d) {
        return Math.abs(d.scale()) > 40 || d.precision() > 40 ? null : d;
    }

    /** A whole-unit quantity, clamped to the long range. */
    static long quantity(BigDecimal n) {
        if (n.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) >= 0) return Long.MAX_VALUE;
        if (n.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) <= 0) return Long.MIN_VALUE;
        return n.setScale(0, java.math.RoundingMode.DOWN).longValue();
    }

    /**
     * Values read at a path, or the reason there are none.
     *
     * @param values  scalars found (never empty when {@code problem} is null)
     * @param problem why nothing was read, else null
     */
    record Read(List<Object> values, String problem) {
        static Read missing(String problem) {
            return new Read(List.of(), problem);
        }
    }
}
