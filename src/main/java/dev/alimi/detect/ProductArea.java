package dev.alimi.detect;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attributes;
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

    /** Tags whose whole subtree is outside: a switch, asked of every element, is cheaper than a set. */
    private static boolean outsideTag(String name) {
        return switch (name) {
            case "header", "nav", "footer", "aside", "iframe", "option", "select", "datalist", "dialog", "svg", "object",
                    "embed", "textarea" -> true;
            default -> false;
        };
    }
    private static final Set<String> OUTSIDE_ROLES = Set.of("navigation", "banner", "contentinfo", "complementary",
            "dialog", "alertdialog", "search");
    /**
     * id/class words of blocks about other products, other people or the site, not this product.
     * Plain substrings, not one regex: big pages have thousands of distinct class names.
     */
    private static final List<String> OUTSIDE_NAMES = List.of(
            "review", "related", "recommend", "carousel", "upsell", "up-sell", "crosssell", "cross-sell",
            "alsobought", "also-bought", "alsoviewed", "also-viewed", "alsolike", "also-like", "alsopurchased",
            "also-purchased", "similar", "recently", "sponsored", "comment", "newsletter", "breadcrumb", "minicart",
            "mini-cart", "cartdrawer", "cart-drawer", "megamenu", "mega-menu", "siteheader", "site-header",
            "sitefooter", "site-footer", "globalnav", "global-nav", "navbar", "nav-bar", "cookie", "qna", "question",
            "ratinglist", "rating-list");
    private static final Set<String> HIDDEN_CLASSES = Set.of("hidden", "a-hidden", "d-none", "is-hidden", "hide",
            "header", "footer", "nav");
    private static final Pattern HIDDEN_STYLE = Pattern.compile("display\\s*:\\s*none|visibility\\s*:\\s*hidden");

    private final Document doc;
    private final List<Element> elements;
    private final Verdicts verdicts;
    private final Map<Element, Boolean> outside = new IdentityHashMap<>();
    private Element element;
    private String text;

    /** The area of {@code doc}, whose elements in document order are {@code elements}. */
    ProductArea(Document doc, List<Element> elements) {
        this(doc, elements, new Verdicts());
    }

    /** Like {@link #ProductArea(Document, List)}, reusing the answers {@link LeanHtml} already gave on the same page. */
    ProductArea(Document doc, List<Element> elements, Verdicts verdicts) {
        this.doc = doc;
        this.elements = elements;
        this.verdicts = verdicts;
    }

    /** The element holding the product: {@code main}, {@code [role=main]}, a schema.org Product scope, else body. */
    Element element() {
        if (element == null) element = find();
        return element;
    }

    /** One walk: the first {@code main}, else {@code [role=main]}, else a Product scope, else {@code #ppd}. */
    private Element find() {
        Element[] best = new Element[4];
        for (Element e : elements) {
            if (!e.nameIs("main") && e.attributesSize() == 0) continue;
            int rank = e.nameIs("main") ? 0
                    : "main".equalsIgnoreCase(e.attr("role")) ? 1
                    : e.hasAttr("itemscope") && e.attr("itemtype").toLowerCase(Locale.ROOT).contains("schema.org/product") ? 2
                    : e.id().equals("ppd") ? 3 : -1;
            if (rank >= 0 && best[rank] == null && !isOutside(e)) {
                best[rank] = e;
                if (rank == 0) break;
            }
        }
        for (Element e : best) {
            if (e != null) return e;
        }
        return doc.body();
    }

    /** The visible text of the product area, case kept, whitespace collapsed. */
    String text() {
        if (text == null) text = VisibleText.of(element(), this::skips);
        return text;
    }

    /** True when {@code e} lies in the product area: inside its element and not in a left-out block. */
    boolean contains(Element e) {
        Element area = element();
        for (Element at = e; at != null; at = at.parent()) {
            if (at == area) return !isOutside(e);
        }
        return false;
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
        if (outsideTag(e.normalName())) return true;
        if (e.attributesSize() == 0) return false;
        // The parser writes attribute names in lower case: exact lookups, not Element's case-blind ones.
        Attributes attrs = e.attributes();
        return skipsTag(e.normalName(), attrs.hasKey("hidden"), attrs.get("role"), attrs.get("aria-hidden"),
                attrs.get("style"), attrs.get("id"), attrs.get("class"), verdicts);
    }

    /**
     * Answers remembered per attribute value: big pages repeat the same class names thousands of
     * times. Not thread-safe.
     */
    static final class Verdicts {
        // Sized for a big page's distinct values, which would otherwise grow each map several times.
        private final Map<String, Boolean> classes = new HashMap<>(1024);
        private final Map<String, Boolean> ids = new HashMap<>(1024);
        private final Map<String, Boolean> styles = new HashMap<>(256);
    }

    /**
     * {@link #skips(Element)} for a tag's lower-case name and its attribute values as the parser
     * gives them ("" or null when absent); {@link LeanHtml} asks it of raw tags.
     */
    static boolean skipsTag(String name, boolean hidden, String role, String ariaHidden, String style, String id, String cls,
            Verdicts verdicts) {
        if (hidden || outsideTag(name)) return true;
        if (role != null && !role.isEmpty() && OUTSIDE_ROLES.contains(role.toLowerCase(Locale.ROOT))) return true;
        if ("true".equalsIgnoreCase(ariaHidden)) return true;
        if (style != null && !style.isEmpty() && verdicts.styles.computeIfAbsent(style, ProductArea::hidingStyle)) return true;
        if (id != null && !id.isEmpty() && verdicts.ids.computeIfAbsent(id, ProductArea::outsideName)) return true;
        return cls != null && !cls.isEmpty() && verdicts.classes.computeIfAbsent(cls, ProductArea::outsideClass);
    }

    private static boolean hidingStyle(String style) {
        return HIDDEN_STYLE.matcher(style.toLowerCase(Locale.ROOT)).find();
    }

    /**
     * {@link #OUTSIDE_NAMES} by their first two letters (every word has two): one look at each
     * position of a name instead of one search per word.
     */
    private static final String[][] OUTSIDE_NAMES_BY_START = new String[128 * 128][];

    /** {@link #HIDDEN_CLASSES} by length. */
    private static final String[][] HIDDEN_CLASSES_BY_LENGTH = new String[16][];

    static {
        for (String word : OUTSIDE_NAMES) add(OUTSIDE_NAMES_BY_START, word.charAt(0) * 128 + word.charAt(1), word);
        for (String cls : HIDDEN_CLASSES) add(HIDDEN_CLASSES_BY_LENGTH, cls.length(), cls);
    }

    private static void add(String[][] table, int key, String word) {
        String[] same = table[key] == null ? new String[1] : java.util.Arrays.copyOf(table[key], table[key].length + 1);
        same[same.length - 1] = word;
        table[key] = same;
    }

    private static boolean outsideName(String name) {
        if (!isAscii(name)) return outsideNameSlow(name);
        // ASCII: lower-case each character in place instead of copying the name.
        char next = name.isEmpty() ? 0 : asciiLower(name.charAt(0));
        for (int i = 0; i + 1 < name.length(); i++) {
            char c = next;
            next = asciiLower(name.charAt(i + 1));
            String[] words = OUTSIDE_NAMES_BY_START[c * 128 + next];
            if (words == null) continue;
            for (String word : words) {
                if (matchesAt(name, i, word)) return true;
            }
        }
        return false;
    }

    /** True when ASCII {@code name} holds lower-case {@code word} at {@code at}, any case (its first two letters known to match). */
    private static boolean matchesAt(String name, int at, String word) {
        if (at + word.length() > name.length()) return false;
        for (int k = 2; k < word.length(); k++) {
            if (asciiLower(name.charAt(at + k)) != word.charAt(k)) return false;
        }
        return true;
    }

    private static boolean outsideNameSlow(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String word : OUTSIDE_NAMES) {
            if (lower.contains(word)) return true;
        }
        return false;
    }

    private static boolean outsideClass(String cls) {
        if (outsideName(cls)) return true;
        boolean ascii = isAscii(cls);
        String lower = ascii ? cls : cls.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i <= lower.length(); i++) {
            boolean space = i == lower.length() || isRegexSpace(lower.charAt(i));
            if (!space && start < 0) start = i;
            if (space && start >= 0) {
                if (hiddenClass(lower, start, i, ascii)) return true;
                start = -1;
            }
        }
        return false;
    }

    /** {@code ignoreCase} only for ASCII, where it is exactly what lower-casing did. */
    private static boolean hiddenClass(String cls, int from, int to, boolean ignoreCase) {
        String[] candidates = to - from < HIDDEN_CLASSES_BY_LENGTH.length ? HIDDEN_CLASSES_BY_LENGTH[to - from] : null;
        if (candidates == null) return false;
        for (String hidden : candidates) {
            if (cls.regionMatches(ignoreCase, from, hidden, 0, hidden.length())) return true;
        }
        return false;
    }

    /** The characters of regex {@code \\s}, which this split used to be. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) return false;
        }
        return true;
    }

    private static char asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    /** Describes the area for evidence. */
    String describe() {
        Element area = element();
        if (area.nameIs("body")) return "page text (header, nav, footer, reviews and carousels left out)";
        String id = area.id().isEmpty() ? "" : "#" + area.id();
        return "product area <" + area.normalName() + id + ">";
    }
}
