package dev.alimi.detect;

import dev.alimi.model.ValueSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.MatchResult;
import org.jsoup.nodes.Element;

/** Reads the value(s) a {@link ValueSelector} points at: JSON values, element texts or a regex group. */
final class ValueReader {

    /** More values than this are not a single product's value; reading stops there. */
    private static final int MAX_VALUES = 100;

    private final String where;
    private final JsonValues json;
    private final CssSelector css;
    private final BoundedRegex regex;

    ValueReader(String key, ValueSelector selector, RegexBudget budget) {
        if (selector == null) throw new IllegalArgumentException(key + " has no json-path, css or regex");
        int set = (selector.jsonPath() != null ? 1 : 0) + (selector.css() != null ? 1 : 0)
                + (selector.regex() != null ? 1 : 0);
        if (set != 1) throw new IllegalArgumentException(key + " needs exactly one of json-path, css or regex, found " + set);
        this.json = selector.jsonPath() != null ? JsonValues.compile(key + " json-path", selector.jsonPath()) : null;
        this.css = selector.css() != null ? CssSelector.parse(key + " css", selector.css()) : null;
        this.regex = selector.regex() != null ? BoundedRegex.compile(key + " regex", selector.regex(), budget) : null;
        this.where = json != null ? "json-path " + json.source()
                : css != null ? "css " + Evidence.quote(css.query())
                : "regex " + Evidence.quote(regex.pattern());
    }

    /** Where the value is read, for evidence. */
    String where() {
        return where;
    }

    /**
     * The values found (JSON scalars or strings), or the reason there are none.
     *
     * @throws BoundedRegex.TooSlow when a regex runs out of its budget
     */
    JsonValues.Read read(ParsedPage page) {
        if (json != null) return json.read(page);
        if (css != null) return readCss(page);
        Optional<MatchResult> match = regex.find(page.body());
        if (match.isEmpty()) return JsonValues.Read.missing("did not match");
        MatchResult m = match.get();
        String value = m.groupCount() >= 1 ? m.group(1) : m.group();
        if (value == null) return JsonValues.Read.missing("group 1 did not participate in the match");
        return new JsonValues.Read(List.of(value), null);
    }

    private JsonValues.Read readCss(ParsedPage page) {
        List<Element> elements = css.select(page.html());
        if (elements.isEmpty()) return JsonValues.Read.missing("matched nothing");
        List<Object> values = new ArrayList<>();
        for (Element element : elements) {
            String value = VisibleText.of(element);
            // <meta content> and <input value> carry their value in an attribute, not in text.
            if (value.isEmpty()) value = element.attr("content").strip();
            if (value.isEmpty() && element.nameIs("input")) value = element.attr("value").strip();
            if (!value.isEmpty()) values.add(value);
            if (values.size() >= MAX_VALUES) break;
        }
        if (values.isEmpty()) return JsonValues.Read.missing("has no text");
        return new JsonValues.Read(values, null);
    }
}
