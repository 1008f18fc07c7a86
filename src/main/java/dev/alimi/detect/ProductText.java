package dev.alimi.detect;

import dev.alimi.model.Availability;
import org.jsoup.nodes.Element;

/** Availability from the visible text of the product area: buy buttons, sold-out labels, quantities. */
final class ProductText {

    static final String KIND = "text";

    private ProductText() {}

    /** The text's decision; UNKNOWN when it holds no stock phrase. */
    static Finding read(ParsedPage page) {
        ProductArea area = page.area();
        String where = area.describe();
        // A disabled buy button is how many shops say "sold out" without words.
        for (Element button : page.elements()) {
            if (!isDisabledButton(button) || !area.contains(button)) continue;
            String label = VisibleText.normalize(VisibleText.of(button));
            String phrase = StockPhrases.inPhrase(label);
            if (phrase != null) {
                return Finding.of(KIND, Availability.OUT_OF_STOCK, "disabled buy button " + Evidence.quote(label)
                        + " in " + where);
            }
        }
        return StockPhrases.read(KIND, where, area.text());
    }

    private static boolean isDisabledButton(Element e) {
        if (e.nameIs("button")) return e.hasAttr("disabled") || "true".equalsIgnoreCase(e.attr("aria-disabled"));
        return e.nameIs("input") && e.hasAttr("disabled") && "submit".equalsIgnoreCase(e.attr("type"));
    }
}
