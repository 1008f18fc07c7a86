package dev.alimi.detect;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Raw HTML read the way the tokeniser reads it, as far as {@link LeanHtml} needs: tags with their
 * attributes (quoted values may hold {@code >} and {@code <}), comments and other declarations, and
 * the end of raw-text content. Reads; never copies the page.
 */
final class RawTags {

    /**
     * Tag names read without making a string: big pages have tens of thousands of tags, nearly all
     * of a hundred names. Open addressing on the lower-case name's {@link String#hashCode}.
     */
    private static final String[] KNOWN_NAMES = new String[1024];

    private static final List<String> NAMES = List.of(
            "a", "abbr", "address", "animate", "animatemotion", "animatetransform", "area", "article", "aside",
            "audio", "b", "base", "basefont", "bdi", "bdo", "bgsound", "big", "blockquote", "body", "br", "button",
            "canvas", "caption", "center", "circle", "cite", "clippath", "code", "col", "colgroup", "data", "dd",
            "defs", "del", "desc", "details", "dialog", "div", "dl", "dt", "ellipse", "em", "embed", "feblend",
            "fecolormatrix", "fecomponenttransfer", "fecomposite", "feconvolvematrix", "fediffuselighting",
            "fedisplacementmap", "fedropshadow", "feflood", "fefunca", "fefuncb", "fefuncg", "fefuncr",
            "fegaussianblur", "feimage", "femerge", "femergenode", "femorphology", "feoffset", "fepointlight",
            "fespecularlighting", "fespotlight", "fetile", "feturbulence", "fieldset", "figcaption", "figure",
            "filter", "font", "footer", "form", "frame", "frameset", "g", "h1", "h2", "h3", "h4", "h5", "h6", "head",
            "header", "hgroup", "hr", "html", "i", "iframe", "image", "img", "input", "ins", "isindex", "kbd",
            "keygen", "label", "legend", "li", "line", "lineargradient", "link", "main", "map", "mark", "marker",
            "marquee", "mask", "math", "menu", "meta", "metadata", "meter", "mpath", "nav", "nobr", "noembed",
            "noframes", "noscript", "object", "ol", "optgroup", "option", "output", "p", "param", "path", "pattern",
            "picture", "plaintext", "polygon", "polyline", "pre", "progress", "q", "radialgradient", "rect", "s",
            "samp", "script", "search", "section", "select", "set", "slot", "small", "source", "span", "stop",
            "strike", "strong", "style", "sub", "summary", "sup", "svg", "switch", "symbol", "table", "tbody", "td",
            "template", "text", "textarea", "textpath", "tfoot", "th", "thead", "time", "title", "tr", "track",
            "tspan", "tt", "u", "ul", "use", "var", "video", "view", "wbr", "xmp");

    static {
        for (String name : NAMES) {
            int slot = knownSlot(name.hashCode());
            while (KNOWN_NAMES[slot] != null) slot = (slot + 1) & (KNOWN_NAMES.length - 1);
            KNOWN_NAMES[slot] = name;
        }
    }

    /** Where {@link RawTags} found a long value nobody reads: {@code [from, to)} may be left out. */
    @FunctionalInterface
    interface Cut {
        void apply(int from, int to);
    }

    /**
     * {@code data-*} values at least this long are cut: the parser spends more on each character
     * of a value than the copy spends on a cut, and big pages carry thousands of short ones.
     */
    static final int DATA_WORTH_CUTTING = 8;

    private final String in;
    private final ProductArea.Verdicts verdicts;
    private final Cut cut;
    /** The first '&' at or after the last attribute value judged (values are judged in page order). */
    private int nextAmpersand = -1;

    /** Reads {@code in}; judges blocks with {@code verdicts}; reports long {@code data-*} values to {@code cut}. */
    RawTags(String in, ProductArea.Verdicts verdicts, Cut cut) {
        this.in = in;
        this.verdicts = verdicts;
        this.cut = cut;
    }

    private static int knownSlot(int hash) {
        return (hash ^ (hash >>> 10)) & (KNOWN_NAMES.length - 1);
    }

    /** The lower-case tag name in {@code [from, to)}: a shared constant for known names. */
    private String name(int from, int to) {
        int length = to - from;
        if (length <= 20) {
            int hash = 0;
            for (int k = from; k < to; k++) hash = 31 * hash + asciiLower(in.charAt(k));
            for (int slot = knownSlot(hash); KNOWN_NAMES[slot] != null; slot = (slot + 1) & (KNOWN_NAMES.length - 1)) {
                String known = KNOWN_NAMES[slot];
                if (known.length() == length && known.hashCode() == hash && sameName(from, known)) return known;
            }
        }
        return in.substring(from, to).toLowerCase(Locale.ROOT);
    }

    private boolean sameName(int from, String known) {
        for (int k = 0; k < known.length(); k++) {
            if (asciiLower(in.charAt(from + k)) != known.charAt(k)) return false;
        }
        return true;
    }

    private static char asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    /** Skips a comment, doctype or other {@code <!…>} / {@code <?…>} at {@code lt}; where it ends, or -1. */
    int skipMarkupDeclaration(int lt) {
        if (in.startsWith("<!--", lt)) return commentEnd(lt + 4);
        // doctype, CDATA outside foreign content, processing instructions: a bogus comment up to '>'
        int gt = in.indexOf('>', lt + 2);
        return gt < 0 ? -1 : gt + 1;
    }

    /** Where the comment whose text starts at {@code from} ends (after its {@code -->}), or -1. */
    int commentEnd(int from) {
        // "<!-->" and "<!--->" are whole (empty) comments.
        if (in.startsWith(">", from)) return from + 1;
        if (in.startsWith("->", from)) return from + 2;
        int dashes = in.indexOf("--", from);
        while (dashes >= 0) {
            if (in.startsWith("-->", dashes)) return dashes + 3;
            if (in.startsWith("--!>", dashes)) return dashes + 4;
            dashes = in.indexOf("--", dashes + 1);
        }
        return -1;
    }

    /**
     * Where the raw content that starts at {@code from} ends: the {@code <} of the first
     * {@code </name} followed by white space, {@code /} or {@code >}; -1 when it runs to the end.
     */
    int rawEnd(int from, String name) {
        int at = from;
        while (true) {
            int lt = in.indexOf("</", at);
            if (lt < 0) return -1;
            int after = lt + 2 + name.length();
            if (after >= in.length()) return -1;
            if (in.regionMatches(true, lt + 2, name, 0, name.length()) && endsName(in.charAt(after))) return lt;
            at = lt + 2;
        }
    }

    /**
     * A start or end tag.
     *
     * @param name        lower-case tag name
     * @param end         index just after its {@code >}
     * @param selfClosing written {@code <name ... />}
     * @param keepsData   a {@code type} attribute that names JSON
     * @param outside     read with attributes, and {@link ProductArea#skipsTag} says its block is left out
     */
    record Tag(String name, int end, boolean selfClosing, boolean keepsData, boolean outside) {}

    /**
     * Reads the tag whose name starts at {@code from} the way the tokeniser does; null when it runs
     * to the end. For a name in {@code judged}, also decides whether the product area leaves its block out;
     * with {@code trimData}, cuts long {@code data-*} values (only for tags of the copy's main pass).
     */
    Tag tag(int from, Set<String> judged, boolean trimData) {
        int n = in.length();
        int i = from;
        while (i < n && !endsName(in.charAt(i))) i++;
        String name = name(from, i);
        boolean keepsData = false;
        boolean selfClosing = false;
        Attrs attrs = judged != null && judged.contains(name) ? new Attrs() : null;
        if (attrs == null) return quickTag(name, i, trimData);
        while (i < n) {
            char c = in.charAt(i);
            if (c == '>') {
                boolean outside = attrs != null && !attrs.undecidable
                        && ProductArea.skipsTag(name, attrs.hidden, attrs.role, attrs.ariaHidden, attrs.style, attrs.id,
                                attrs.cls, verdicts);
                return new Tag(name, i + 1, selfClosing, keepsData, outside);
            }
            if (c == '/') {
                selfClosing = i + 1 < n && in.charAt(i + 1) == '>';
                i++;
                continue;
            }
            selfClosing = false;
            if (isSpace(c)) {
                i++;
                continue;
            }
            // An attribute: a name (its first character may be '='), then maybe '=' and a value.
            int nameStart = i;
            i++;
            while (i < n && !isSpace(in.charAt(i)) && in.charAt(i) != '/' && in.charAt(i) != '>' && in.charAt(i) != '=') i++;
            int nameEnd = i;
            int j = i;
            while (j < n && isSpace(in.charAt(j))) j++;
            int valueStart = -1;
            int valueEnd = -1;
            if (j < n && in.charAt(j) == '=') {
                j++;
                while (j < n && isSpace(in.charAt(j))) j++;
                if (j >= n) return null;
                char q = in.charAt(j);
                if (q == '"' || q == '\'') {
                    valueStart = j + 1;
                    valueEnd = in.indexOf(q, valueStart);
                    if (valueEnd < 0) return null;
                    i = valueEnd + 1;
                } else if (q != '>') {
                    valueStart = j;
                    while (j < n && !isSpace(in.charAt(j)) && in.charAt(j) != '>') j++;
                    valueEnd = j;
                    i = j;
                } else {
                    i = j;
                }
            }
            if (nameEnd - nameStart == 4 && in.regionMatches(true, nameStart, "type", 0, 4) && valueStart >= 0
                    && indexOf("json", valueStart, valueEnd) >= 0) {
                keepsData = true;
            }
            if (attrs != null) attrs.read(nameStart, nameEnd, valueStart, valueEnd);
            // No detector reads data-* attributes; big pages keep whole JSON states in them.
            if (trimData && valueEnd - valueStart >= DATA_WORTH_CUTTING && nameEnd - nameStart > 5
                    && in.regionMatches(true, nameStart, "data-", 0, 5)) {
                cutValue(valueStart, valueEnd);
            }
        }
        return null;
    }

    /**
     * The rest of a tag whose name ends at {@code from}, read with {@code indexOf} jumps: only an
     * {@code =} can start a quoted value, so the text up to the next {@code =} or {@code >} holds
     * attribute names alone. Same result as the character-by-character reading, which the
     * tokeniser's states are written for.
     */
    private Tag quickTag(String name, int from, boolean trimData) {
        int n = in.length();
        int pos = from;
        // True when the text at pos continues an attribute name (one that began with '=').
        boolean inName = false;
        boolean keepsData = false;
        // The '>' is searched again only once a quoted value has passed it, and '=' only up to it:
        // a tag is read in one sweep, however many attributes it has.
        int gt = -1;
        while (true) {
            if (gt < pos) {
                gt = in.indexOf('>', pos);
                if (gt < 0) return null;
            }
            int eq = in.indexOf('=', pos, gt);
            if (eq < 0) {
                boolean selfClosing = gt - 1 >= pos && in.charAt(gt - 1) == '/';
                return new Tag(name, gt + 1, selfClosing, keepsData, false);
            }
            int last = eq - 1;
            while (last >= pos && isSpace(in.charAt(last))) last--;
            boolean startsName = last < pos ? !inName : in.charAt(last) == '/';
            if (startsName) {
                // "<a =x>": '=' begins an attribute's name, not a value.
                pos = eq + 1;
                inName = true;
                continue;
            }
            int nameEnd = last + 1;
            int namesFrom = pos;
            boolean continuesName = inName;
            int j = eq + 1;
            while (j < n && isSpace(in.charAt(j))) j++;
            if (j >= n) return null;
            char q = in.charAt(j);
            int valueStart;
            int valueEnd;
            if (q == '"' || q == '\'') {
                valueStart = j + 1;
                valueEnd = in.indexOf(q, valueStart);
                if (valueEnd < 0) return null;
                pos = valueEnd + 1;
            } else if (q == '>') {
                return new Tag(name, j + 1, false, keepsData, false);
            } else {
                valueStart = j;
                while (j < n && !isSpace(in.charAt(j)) && in.charAt(j) != '>') j++;
                valueEnd = j;
                pos = j;
            }
            inName = false;
            // The attribute's name is looked at only where it matters: "type" (short) and long values.
            boolean longValue = trimData && valueEnd - valueStart >= DATA_WORTH_CUTTING;
            if (longValue || nameEnd - 4 >= namesFrom && in.regionMatches(true, nameEnd - 4, "type", 0, 4)) {
                int nameStart = nameEnd;
                while (nameStart > namesFrom && !isSpace(in.charAt(nameStart - 1)) && in.charAt(nameStart - 1) != '/') {
                    nameStart--;
                }
                boolean knownName = !(continuesName && nameStart == namesFrom);
                int nameLength = nameEnd - nameStart;
                if (knownName && nameLength == 4 && in.regionMatches(true, nameStart, "type", 0, 4)
                        && indexOf("json", valueStart, valueEnd) >= 0) {
                    keepsData = true;
                }
                if (longValue && knownName && nameLength > 5 && in.regionMatches(true, nameStart, "data-", 0, 5)) {
                    cutValue(valueStart, valueEnd);
                }
            }
        }
    }

    /**
     * Cuts the value {@code [from, to)}; an unquoted one keeps its first character, since an empty
     * one would make the next attribute its value ({@code data-x= class=reviews}).
     */
    private void cutValue(int from, int to) {
        char before = in.charAt(from - 1);
        cut.apply(before == '"' || before == '\'' ? from : from + 1, to);
    }

    /** The attributes {@link ProductArea#skipsTag} looks at; the first of each name counts, as in the parser. */
    private final class Attrs {
        boolean hidden;
        boolean seenHidden;
        String role;
        String ariaHidden;
        String style;
        String id;
        String cls;
        /** A value with a character reference: judged by the parsed page only. */
        boolean undecidable;

        void read(int nameStart, int nameEnd, int valueStart, int valueEnd) {
            int length = nameEnd - nameStart;
            String value = valueStart < 0 ? "" : null;
            switch (length) {
                case 2 -> {
                    if (id == null && is(nameStart, "id")) id = value(valueStart, valueEnd, value);
                }
                case 4 -> {
                    if (role == null && is(nameStart, "role")) role = value(valueStart, valueEnd, value);
                }
                case 5 -> {
                    if (cls == null && is(nameStart, "class")) cls = value(valueStart, valueEnd, value);
                    if (style == null && is(nameStart, "style")) style = value(valueStart, valueEnd, value);
                }
                case 6 -> {
                    if (!seenHidden && is(nameStart, "hidden")) {
                        seenHidden = true;
                        hidden = true;
                    }
                }
                case 11 -> {
                    if (ariaHidden == null && is(nameStart, "aria-hidden")) ariaHidden = value(valueStart, valueEnd, value);
                }
                default -> { }
            }
        }

        private boolean is(int nameStart, String attr) {
            return in.regionMatches(true, nameStart, attr, 0, attr.length());
        }

        private String value(int start, int end, String empty) {
            if (empty != null) return empty;
            if (nextAmpersand < start) {
                nextAmpersand = in.indexOf('&', start);
                if (nextAmpersand < 0) nextAmpersand = in.length();
            }
            if (nextAmpersand < end) undecidable = true;
            return in.substring(start, end);
        }
    }

    /** Where {@code needle} (its first character not a letter, or a short range) occurs in {@code [from, to)}, any case; or -1. */
    int indexOf(String needle, int from, int to) {
        char first = needle.charAt(0);
        boolean jump = !isAsciiLetter(first);
        for (int at = jump ? in.indexOf(first, from) : from; at >= 0 && at + needle.length() <= to;
                at = jump ? in.indexOf(first, at + 1) : at + 1) {
            if (in.regionMatches(true, at, needle, 0, needle.length())) return at;
        }
        return -1;
    }

    static boolean endsName(char c) {
        return isSpace(c) || c == '/' || c == '>';
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
