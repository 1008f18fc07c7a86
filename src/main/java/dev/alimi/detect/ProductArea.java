package dev.alimi.detect;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The part of an HTML page that is about the product itself: the main content without header,
 * navigation, footer, side bars, reviews, "related products" carousels, variant option lists and
 * hidden blocks. Text there is the product's; text elsewhere belongs to other products or to nobody.
 */
final class ProductArea {

    private static final Set<String> OUTSIDE_TAGS = Set.of("header", "nav", "footer", "aside", "iframe",
            "option", "select", "datalist", "dialog", "svg", "object", "embed", "textarea");
    private static final Set<String> OUTSIDE_ROLES = Set.of("navigation", "banner", "contentinfo", "complementary",
            "dialog", "alertdialog", "search");
    /** id/class words of blocks about other products, other people or the site, not this product. */
    private static final Pattern OUTSIDE_NAMES = Pattern.compile(
            "review|related|recommend|carousel|upsell|up-sell|cross-?sell|also-?(bought|viewed|like|purchased)"
                    + "|similar|recently|sponsored|comment|newsletter|breadcrumb|mini-?cart|cart-?drawer|megamenu"
                    + "|mega-menu|site-?header|site-?footer|global-?nav|nav-?bar|cookie|qna|question|rating-?list");
    private static final Set<String> HIDDEN_CLASSES = Set.of("hidden", "a-hidden", "d-none", "is-hidden", "hide",
            "header", "footer", "nav");
    private static final Pattern HIDDEN_STYLE = Pattern.compile("display\\s*:\\s*none|visibility\\s*:\\s*hidden");

    private ProductArea() {}

    /** The element holding the product: {@code main}, {@code [role=main]}, a schema.org Product scope, else body. */
    static Element of(Document doc) {
        for (String query : new String[] {"main", "[role=main]", "[itemscope][itemtype*=schema.org/Product]", "#ppd"}) {
            for (Element e : doc.select(query)) {
                if (!isOutside(e)) return e;
            }
        }
        return doc.body();
    }

    /** True when {@code element} or an ancestor is outside the product area (or never shown). */
    static boolean isOutside(Element element) {
        for (Element e = element; e != null; e = e.parent()) {
            if (VisibleText.hidesContent(e) || skips(e)) return true;
        }
        return false;
    }

    /** The visible text of the product area, case kept, whitespace collapsed. */
    static String text(Document doc) {
        return VisibleText.of(of(doc), ProductArea::skips);
    }

    /** True for an element whose whole subtree is not about the product. */
    static boolean skips(Element e) {
        if (OUTSIDE_TAGS.contains(e.normalName())) return true;
        if (e.hasAttr("hidden")) return true;
        String role = e.attr("role");
        if (!role.isEmpty() && OUTSIDE_ROLES.contains(role.toLowerCase(Locale.ROOT))) return true;
        if ("true".equalsIgnoreCase(e.attr("aria-hidden"))) return true;
        String style = e.attr("style");
        if (!style.isEmpty() && HIDDEN_STYLE.matcher(style.toLowerCase(Locale.ROOT)).find()) return true;
        String id = e.id();
        if (!id.isEmpty() && OUTSIDE_NAMES.matcher(id.toLowerCase(Locale.ROOT)).find()) return true;
        String cls = e.className();
        if (cls.isEmpty()) return false;
        String lower = cls.toLowerCase(Locale.ROOT);
        if (OUTSIDE_NAMES.matcher(lower).find()) return true;
        for (String token : lower.split("\\s+")) {
            if (HIDDEN_CLASSES.contains(token)) return true;
        }
        return false;
    }
}
