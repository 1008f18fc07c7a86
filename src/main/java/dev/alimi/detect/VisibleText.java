package dev.alimi.detect;

import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * The text a shopper sees in an element: never script, style, template or noscript content,
 * which on real pages holds label dictionaries and other products' states.
 */
final class VisibleText {

    private static final Set<String> HIDDEN = Set.of("script", "style", "template", "noscript");

    private VisibleText() {}

    /** True when the element sits inside a subtree whose text is never shown. */
    static boolean isHidden(Element element) {
        for (Element e = element; e != null; e = e.parent()) {
            if (hidesContent(e)) return true;
        }
        return false;
    }

    /** True for script, style, template and noscript: nothing inside them is shown. */
    static boolean hidesContent(Element element) {
        return HIDDEN.contains(element.normalName());
    }

    /** The element's visible text plus button/input labels, whitespace collapsed, case kept. */
    static String of(Element element) {
        return of(element, e -> false);
    }

    /** Like {@link #of(Element)}, also leaving out every subtree {@code skip} accepts. */
    static String of(Element element, java.util.function.Predicate<Element> skip) {
        return of(element, skip, Integer.MAX_VALUE);
    }

    /**
     * Like {@link #of(Element)} but stops reading once more than {@code max} visible characters are
     * seen: the result is then longer than {@code max} and only its start is the page's text.
     */
    static String prefix(Element element, int max) {
        return of(element, e -> false, max);
    }

    private static String of(Element element, java.util.function.Predicate<Element> skip, int max) {
        StringBuilder out = new StringBuilder();
        NodeTraversor.filter(new Collector(out, skip, max, new int[1]), element);
        return collapse(out);
    }

    /** Lower-case (Locale.ROOT), NBSP and other spaces as one space, trimmed. */
    static String normalize(String text) {
        return collapse(text).toLowerCase(java.util.Locale.ROOT);
    }

    private static String collapse(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = true;
            } else {
                if (space && !out.isEmpty()) out.append(' ');
                space = false;
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != '\f') return false;
        }
        return true;
    }

    private record Collector(StringBuilder out, java.util.function.Predicate<Element> skip, int max, int[] seen)
            implements NodeFilter {

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode text) {
                String whole = text.getWholeText();
                // Indentation between tags is most of a big page's text; one space stands for it.
                if (isBlank(whole)) {
                    out.append(' ');
                    return FilterResult.CONTINUE;
                }
                out.append(whole);
                if (max != Integer.MAX_VALUE) {
                    for (int i = 0; i < whole.length(); i++) {
                        if (!Character.isWhitespace(whole.charAt(i))) seen[0]++;
                    }
                    if (seen[0] > max) return FilterResult.STOP;
                }
            } else if (node instanceof Element element) {
                if (HIDDEN.contains(element.normalName()) || skip.test(element)) return FilterResult.SKIP_ENTIRELY;
                if (element.isBlock() || element.nameIs("br")) out.append(' ');
                appendLabels(element);
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element element && element.isBlock()) out.append(' ');
            return FilterResult.CONTINUE;
        }

        private void appendLabels(Element element) {
            boolean input = element.nameIs("input") && !"hidden".equalsIgnoreCase(element.attr("type"));
            if (!input && !element.nameIs("button")) return;
            for (String key : new String[] {"value", "aria-label", "title"}) {
                String value = element.attr(key);
                if (!value.isEmpty()) out.append(' ').append(value).append(' ');
            }
        }
    }
}
