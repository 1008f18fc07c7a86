package dev.alimi.detect;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * JSON as shops write it (trailing commas, raw newlines in strings, single quotes, comments) read
 * into a tree, plus small helpers for reading shop JSON without casts.
 */
final class LenientJson {

    /** Larger embedded JSON is not one product's data; it is not read. */
    static final int MAX_CHARS = 8 * 1024 * 1024;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS, JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES,
                    JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private LenientJson() {}

    /** The first JSON value in {@code text} (anything after it is ignored), or null when unreadable. */
    static JsonNode parse(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_CHARS) return null;
        try (JsonParser parser = MAPPER.createParser(text)) {
            JsonNode node = MAPPER.readTree(parser);
            return node == null || node.isMissingNode() ? null : node;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A field's text (strings, numbers, booleans), or null. */
    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) return null;
        return v.asText();
    }

    /** A field as a number (JSON number or numeric string), or null. */
    static BigDecimal number(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) return null;
        return JsonValues.number(v.isNumber() ? v.decimalValue() : v.asText());
    }

    /** A field as a boolean ({@code true}/{@code false} or their strings), or null. */
    static Boolean bool(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) return null;
        if (v.isBoolean()) return v.booleanValue();
        if (v.isTextual()) {
            String t = v.asText().strip().toLowerCase(Locale.ROOT);
            if (t.equals("true")) return true;
            if (t.equals("false")) return false;
        }
        return null;
    }

    /** A field holding one object or a list of them, as a list of objects. */
    static List<JsonNode> objects(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        List<JsonNode> out = new ArrayList<>();
        if (v == null) return out;
        if (v.isObject()) out.add(v);
        if (v.isArray()) v.forEach(item -> {
            if (item.isObject()) out.add(item);
        });
        return out;
    }
}
