package dev.alimi.model;

/** Where to read one value on a page: exactly one of a JSONPath, a CSS selector or a regex (group 1). */
public record ValueSelector(String jsonPath, String css, String regex) {

    public static ValueSelector jsonPath(String path) {
        return new ValueSelector(path, null, null);
    }

    public static ValueSelector css(String selector) {
        return new ValueSelector(null, selector, null);
    }

    public static ValueSelector regex(String pattern) {
        return new ValueSelector(null, null, pattern);
    }

    @Override
    public String toString() {
        if (jsonPath != null) return "json-path " + jsonPath;
        if (css != null) return "css " + css;
        return "regex " + regex;
    }
}
