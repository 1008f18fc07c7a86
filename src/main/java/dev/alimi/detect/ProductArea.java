package dev.alimi.detect;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The part of an HTML page that is about the product itself: the main content without header,
 * navigation, footer, side bars, reviews, "related products" carousels, variant option lists and
 * hidden blocks. Text there is the product's; text elsewhere belongs to other products or to nobody.
 * One per page (see {@link ParsedPage#area()}): it remembers its answers, since big pages repeat
 * the same class names thousands of times. Not thread-safe.
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

    private final Document doc;
    private final Map<String, Boolean> classVerdicts = new HashMap<>();
    private final Map<String, Boolean> idVerdicts = new HashMap<>();
    private final Map<String, Boolean> styleVerdicts = new HashMap<>();
    private final Map<Element, Boolean> outside = new IdentityHashMap<>();
    private Element element;
    private String text;

    ProductArea(Document doc) {
        this.doc = doc;
    }

    /** The element holding the product: {@code main}, {@code [role=main]}, a schema.org Product scope, else body. */
    Element element() {
        if (element == null) element = find();
        return element;
    }

    private Element find() {
        for (String query : new String[] {"main", "[role=main]", "[itemscope][itemtype*=schema.org/Product]", "#ppd"}) {
            for (Element e : doc.select(query)) {
                if (!isOutside(e)) return e;
            }
        }
        return doc.body();
    }

    /** The visible text of the product area, case kept, whitespace collapsed. */
    String text() {
        if (text == null) text = VisibleText.of(element(), this::skips);
        return text;
    }

    /** True when {@code e} or an ancestor is outside the product area (or never shown). */
    boolean isOutside(Element e) {
        // Iterative on purpose: hostile pages nest elements deeper than the stack.
        java.util.ArrayList<Element> path = new java.util.ArrayList<>();
        boolean result = false;
        for (Element at = e; at != null; at = at.parent()) {
            Boolean known = outside.get(at);
            if (known != null) {
                result = known;
                break;
            }
            path.add(at);
            if (VisibleText.hidesContent(at) || skips(at)) {
                result = true;
                break;
            }
        }
        for (Element seen : path) outside.put(seen, result);
        return result;
    }

    /** True for an element whose whole subtree is not about the product. */
    boolean skips(Element e) {
        if (OUTSIDE_TAGS.contains(e.normalName())) return true;
        if (e.attributesSize() == 0) return false;
        if (e.hasAttr("hidden")) return true;
        String role = e.attr("role");
        if (!role.isEmpty() && OUTSIDE_ROLES.contains(role.toLowerCase(Locale.ROOT))) return true;
        if ("true".equalsIgnoreCase(e.attr("aria-hidden"))) return true;
        String style = e.attr("style");
        if (!style.isEmpty() && styleVerdicts.computeIfAbsent(style, ProductArea::hidingStyle)) return true;
        String id = e.id();
        if (!id.isEmpty() && idVerdicts.computeIfAbsent(id, ProductArea::outsideName)) return true;
        String cls = e.className();
        return !cls.isEmpty() && classVerdicts.computeIfAbsent(cls, ProductArea::outsideClass);
    }

    private static boolean hidingStyle(String style) {
        return HIDDEN_STYLE.matcher(style.toLowerCase(Locale.ROOT)).find();
    }

    private static boolean outsideName(String name) {
        return OUTSIDE_NAMES.matcher(name.toLowerCase(Locale.ROOT)).find();
    }

    private static boolean outsideClass(String cls) {
        String lower = cls.toLowerCase(Locale.ROOT);
        if (OUTSIDE_NAMES.matcher(lower).find()) return true;
        for (String token : lower.split("\\s+")) {
            if (HIDDEN_CLASSES.contains(token)) return true;
        }
        return false;
    }

    /** Describes the area for evidence. */
    String describe() {
        Element area = element();
        if (area.nameIs("body")) return "page text (header, nav, footer, reviews and carousels left out)";
        String id = area.id().isEmpty() ? "" : "#" + area.id();
        return "product area <" + area.normalName() + id + ">";
    }
}
