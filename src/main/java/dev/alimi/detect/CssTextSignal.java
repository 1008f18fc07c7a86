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
    private final List<String> inStock;
    private final List<String> outOfStock;

    CssTextSignal(String css, List<String> inStockText, List<String> outOfStockText) {
        this.selector = CssSelector.parse("css", css);
        this.inStock = normalized("in-stock-text", inStockText);
        this.outOfStock = normalized("out-of-stock-text", outOfStockText);
    }

    private static List<String> normalized(String key, List<String> phrases) {
        List<String> out = phrases.stream().map(VisibleText::normalize).toList();
        if (out.stream().anyMatch(String::isEmpty)) throw new IllegalArgumentException(key + " has an empty text");
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
            String text = VisibleText.normalize(VisibleText.of(element));
            if (firstText == null) firstText = text;
            if (in == null) in = find(text, inStock);
            if (out == null) out = find(text, outOfStock);
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

    private static Hit find(String text, List<String> phrases) {
        for (String phrase : phrases) {
            int at = text.indexOf(phrase);
            if (at >= 0) return new Hit(text, at, phrase);
        }
        return null;
    }

    private record Hit(String text, int at, String phrase) {
        String describe(String where, String list) {
            return where + " text " + Evidence.around(text, at, at + phrase.length()) + " matches " + list + " "
                    + Evidence.quote(phrase);
        }
    }
}
