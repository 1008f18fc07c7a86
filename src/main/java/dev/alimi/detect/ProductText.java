package dev.alimi.detect;

import dev.alimi.model.Availability;
import java.util.Locale;
import org.jsoup.nodes.Element;

/**
 * Availability from the visible text of the product area: buy buttons, sold-out labels, quantities.
 * A buy button labelled as a pre-order ({@code 예약구매}, {@code Pre-order}, {@code 予約} …) is
 * out of stock unless the watch says {@code preorder: true}; an out-of-stock phrase still wins, and
 * a plain buy button beside it makes the text decide as if it were not there.
 */
final class ProductText {

    static final String KIND = "text";

    /** A button label longer than this is a block of text, not a label. */
    private static final int MAX_LABEL = 60;

    private ProductText() {}

    /** The text's decision; UNKNOWN when it holds no stock phrase. */
    static Finding read(ParsedPage page, boolean preorder) {
        ProductArea area = page.area();
        String where = area.describe();
        String preOrderLabel = null;
        String preOrderPhrase = null;
        // The area's text holds every label of a button in it: without a pre-order word there, no enabled
        // button needs reading (big pages have hundreds of them).
        String lower = area.text().toLowerCase(Locale.ROOT);
        boolean preOrderWords = StockPhrases.preOrderPhrase(lower) != null;
        boolean plainBuyButton = false;
        for (Element button : page.elements()) {
            if (!isButton(button)) continue;
            boolean disabled = isDisabled(button);
            if (!disabled && (!preOrderWords || (preOrderLabel != null && plainBuyButton))) continue;
            String label = VisibleText.normalize(VisibleText.of(button));
            String advance = label.length() > MAX_LABEL ? null : StockPhrases.preOrderPhrase(label);
            // A disabled buy button is how many shops say "sold out" without words.
            if (disabled && (StockPhrases.inPhrase(label) != null || advance != null) && area.contains(button)) {
                return Finding.of(KIND, Availability.OUT_OF_STOCK, "disabled buy button " + Evidence.quote(label)
                        + " in " + where);
            }
            if (!disabled && area.contains(button)) {
                if (advance != null && preOrderLabel == null) {
                    preOrderLabel = label;
                    preOrderPhrase = advance;
                } else if (advance == null && StockPhrases.inPhrase(label) != null) {
                    plainBuyButton = true;
                }
            }
        }
        Finding text = StockPhrases.read(KIND, where, area.text(), lower);
        // A plain buy button beside a pre-order one (another colour, a coming edition) can be bought now.
        if (preOrderLabel == null || plainBuyButton || text.availability() == Availability.OUT_OF_STOCK) return text;
        String term = preOrderPhrase.startsWith("back") ? "BackOrder" : "PreOrder";
        String evidence = "pre-order button " + Evidence.quote(preOrderLabel) + " in " + where
                + StockTerm.advanceNote(term, preorder);
        return preorder ? new Finding(KIND, Availability.IN_STOCK, text.quantity(), null, evidence)
                : Finding.of(KIND, Availability.OUT_OF_STOCK, evidence);
    }

    private static boolean isButton(Element e) {
        if (e.nameIs("button")) return true;
        if (e.nameIs("input")) {
            String type = e.attr("type").toLowerCase(Locale.ROOT);
            return type.equals("submit") || type.equals("button");
        }
        if (e.attributesSize() == 0) return false;
        if ("button".equalsIgnoreCase(e.attr("role"))) return true;
        if (!e.nameIs("a")) return false;
        String cls = e.className().toLowerCase(Locale.ROOT);
        return cls.contains("btn") || cls.contains("button") || cls.contains("buy") || cls.contains("cart")
                || cls.contains("purchase") || cls.contains("order");
    }

    private static boolean isDisabled(Element e) {
        if (e.nameIs("button")) return e.hasAttr("disabled") || "true".equalsIgnoreCase(e.attr("aria-disabled"));
        return e.nameIs("input") && e.hasAttr("disabled") && "submit".equalsIgnoreCase(e.attr("type"));
    }
}
