package dev.alimi.detect;

import dev.alimi.model.Availability;
import dev.alimi.model.Watch;
import java.net.URI;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Coupang product pages: the {@code .oos-label} badge (품절 / 일시품절) and the {@code .prod-buy}
 * block with or without {@code sold-out}. Akamai's "Access Denied" page, what Coupang serves to
 * blocked clients, is BLOCKED by triage before this recipe runs.
 */
final class CoupangRecipe implements Recipe {

    static final String NAME = "coupang";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean serves(URI url) {
        return Recipe.under(Recipe.host(url), "coupang.com");
    }

    @Override
    public Optional<Finding> read(Watch watch, ParsedPage page) {
        if (page.looksLikeJson()) return Optional.empty();
        Document doc = page.html();
        Price price = price(doc, page.area());
        for (Element label : doc.select(".oos-label")) {
            if (page.area().isOutside(label)) continue;
            String text = VisibleText.of(label);
            if (text.contains("품절")) {
                return Optional.of(new Finding(NAME, Availability.OUT_OF_STOCK, null, price,
                        "\".oos-label\" text " + Evidence.quote(text)));
            }
        }
        Element buy = null;
        for (Element e : doc.select(".prod-buy")) {
            if (!page.area().isOutside(e)) {
                buy = e;
                break;
            }
        }
        if (buy == null) return Optional.empty();
        if (buy.hasClass("sold-out") || buy.selectFirst(".sold-out") != null) {
            return Optional.of(new Finding(NAME, Availability.OUT_OF_STOCK, null, price, "\".prod-buy\" is \"sold-out\""));
        }
        Long quantity = StockPhrases.quantity(VisibleText.of(buy, page.area()::skips));
        if (quantity != null && quantity == 0) {
            return Optional.of(new Finding(NAME, Availability.OUT_OF_STOCK, 0L, price, "\".prod-buy\" says 0 left"));
        }
        String evidence = "\".prod-buy\" without \"sold-out\"" + (quantity == null ? "" : ", " + quantity + " left")
                + (price == null ? "" : "; price " + StructuredData.show(price));
        return Optional.of(new Finding(NAME, Availability.IN_STOCK, quantity, price, evidence));
    }

    private static Price price(Document doc, ProductArea area) {
        for (String query : new String[] {".prod-sale-price .total-price", ".prod-price .total-price", ".total-price"}) {
            Element e = doc.selectFirst(query);
            if (e != null && !area.isOutside(e)) {
                Optional<Price> p = new PriceParser().parse(VisibleText.of(e));
                if (p.isPresent()) return new Price(p.get().amount(), p.get().currency() == null ? "KRW" : p.get().currency());
            }
        }
        return null;
    }
}
