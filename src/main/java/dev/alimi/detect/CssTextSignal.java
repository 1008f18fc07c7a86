package dev.alimi.detect;

import dev.alimi.model.Availability;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * In or out of stock by the visible text of the selected elements; with no text lists, the
 * selected element's presence means in stock.
 */
final class CssTextSignal implements Signal {

    static final String KIND = "css";

    private final CssSelector selector;
    private final List<Phrase> inStock;
    private final List<Phrase> outOfStock;

    CssTextSignal(String css, List<String> inStockText, List<String> outOfStockText) {
        this.selector = CssSelector.parse("css", css);
        this.inStock = phrases("in-stock-text", inStockText);
        this.outOfStock = phrases("out-of-stock-text", outOfStockText);
    }

    /** A configured text and its normalized form, which is what is searched. */
    private record Phrase(String written, String normalized) {}

    private static List<Phrase> phrases(String key, List<String> written) {
        List<Phrase> out = written.stream().map(w -> new Phrase(w.strip(), VisibleText.normalize(w))).toList();
        if (out.stream().anyMatch(p -> p.normalized().isEmpty())) {
            throw new IllegalArgumentException(key + " has an empty text");
        }
        return out;
    }

    @Override
    public SignalResult read(ParsedPage page) {
        String where = "css " + Evidence.quote(selector.query());
        List<Element> elements = selector.selectOutermost(page.html());
        if (elements.isEmpty()) return SignalResult.unknown(KIND, where + " matched nothing");
        if (inStock.isEmpty() && outOfStock.isEmpty()) {
            return SignalResult.of(KIND, Availability.IN_STOCK,
                    where + " present (" + elements.size() + " element" + (elements.size() == 1 ? "" : "s") + ")");
        }
        Hit in = null;
        Hit out = null;
        String firstText = null;
        for (Element element : elements) {
            String shown = VisibleText.of(element);
            String text = VisibleText.normalize(shown);
            // Evidence quotes the page's own spelling when lower-casing kept the offsets.
            if (shown.length() != text.length()) shown = text;
            if (firstText == null) firstText = shown;
            if (in == null) in = find(shown, text, inStock);
            if (out == null) out = find(shown, text, outOfStock);
            if (in != null && out != null) break;
        }
        if (in != null && out != null) {
            return SignalResult.unknown(KIND, "conflicting: " + in.describe(where, "in-stock-text") + " and "
                    + out.describe(where, "out-of-stock-text"));
        }
        if (out != null) return SignalResult.of(KIND, Availability.OUT_OF_STOCK, out.describe(where, "out-of-stock-text"));
        if (in != null) return SignalResult.of(KIND, Availability.IN_STOCK, in.describe(where, "in-stock-text"));
        return SignalResult.unknown(KIND, where + " text " + Evidence.around(firstText, 0, 0)
                + " matches neither in-stock-text nor out-of-stock-text");
    }

    private static Hit find(String shown, String text, List<Phrase> phrases) {
        for (Phrase phrase : phrases) {
            int at = text.indexOf(phrase.normalized());
            if (at >= 0) return new Hit(shown, at, phrase);
        }
        return null;
    }

    private record Hit(String shown, int at, Phrase phrase) {
        String describe(String where, String list) {
            return where + " text " + Evidence.around(shown, at, at + phrase.normalized().length()) + " matches "
                    + list + " " + Evidence.quote(phrase.written());
        }
    }
}
