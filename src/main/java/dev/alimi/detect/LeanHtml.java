package dev.alimi.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A page's HTML without what {@code detect: auto} never reads, cut from the raw text before
 * parsing, since parsing is most of a big page's cost: the code of scripts, style sheets and
 * comments, long {@code data-*} values, long runs of white space and, once the page has shown more
 * text than triage reads, SVG icons and the contents of blocks the product area leaves out (header,
 * nav, footer, reviews, carousels, hidden blocks: {@link ProductArea#skipsTag}). Tags stay, so every
 * element auto looks at is parsed as before; data scripts (a {@code type} naming JSON, so JSON-LD)
 * and {@code <meta>} tags inside a cut block are kept.
 *
 * <p>One pass of {@code indexOf} that follows the HTML tokeniser where it matters (comments, quoted
 * attribute values, raw-text elements). A block is cut only when its markup is balanced in a way
 * the tree builder cannot close early; where the page holds something this scan does not model (a
 * script whose comment could hide its end, {@code <math>}, an SVG holding HTML, a tag or comment
 * left open at the end), it gives up and the page is parsed whole: slower, never different.
 */
final class LeanHtml {

    /**
     * Visible characters of the body to see before cutting blocks: twice what triage reads
     * ({@link BotWalls#SMALL_PAGE_TEXT}), so triage's text and its small-page test stay the same.
     */
    static final int KEEP_TEXT = 2 * BotWalls.SMALL_PAGE_TEXT;

    /** Content to keep raw until its end tag: never markup, so a {@code <} inside is not a tag. */
    private static final Set<String> RAW_TEXT = Set.of("title", "textarea", "xmp", "iframe", "noembed", "noframes");

    /**
     * Blocks that may be cut: their start tag closes any open {@code <p>}, so nothing inside them
     * can close an element opened before them.
     */
    private static final Set<String> BLOCKS = Set.of("div", "section", "header", "footer", "nav", "aside", "ul", "ol",
            "dl", "article", "dialog", "details", "figure", "blockquote", "fieldset", "menu", "address", "center",
            "search", "hgroup");

    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input", "link",
            "meta", "source", "track", "wbr", "param", "keygen", "basefont", "bgsound", "frame");

    /** Start tags inside a block that the tree builder lets close elements outside it, unless their own container is inside too. */
    private static final Set<String> TABLE_PARTS = Set.of("tr", "td", "th", "tbody", "thead", "tfoot", "caption", "col",
            "colgroup");

    /** Start tags inside a block that make it not worth the risk. */
    private static final Set<String> NEVER_IN_BLOCKS = Set.of("html", "head", "body", "frameset", "plaintext", "math",
            "image", "isindex");

    /**
     * SVG elements that icons are made of. An SVG holding anything else (HTML breaks out of SVG, so
     * a {@code <div>} inside one is shown) is not cut.
     */
    private static final Set<String> SVG_PARTS = Set.of("svg", "g", "path", "use", "defs", "symbol", "title", "desc",
            "circle", "ellipse", "line", "polyline", "polygon", "rect", "text", "tspan", "textpath", "lineargradient",
            "radialgradient", "stop", "clippath", "mask", "pattern", "image", "filter", "metadata", "marker", "switch",
            "style", "animate", "animatetransform", "animatemotion", "set", "view", "feblend", "fecolormatrix",
            "fecomponenttransfer", "fecomposite", "feconvolvematrix", "fediffuselighting", "fedisplacementmap",
            "fedropshadow", "feflood", "fefunca", "fefuncb", "fefuncg", "fefuncr", "fegaussianblur", "feimage",
            "femerge", "femergenode", "femorphology", "feoffset", "fepointlight", "fespecularlighting", "fespotlight",
            "fetile", "feturbulence", "a", "mpath");

    /**
     * Tag names read without making a string: big pages have tens of thousands of tags, nearly all
     * of a hundred names. Open addressing on the lower-case name's {@link String#hashCode}.
     */
    private static final String[] KNOWN_NAMES = new String[1024];

    static {
        java.util.Set<String> all = new java.util.HashSet<>(List.of("script", "style", "svg", "math", "plaintext", "body",
                "template", "noscript", "button", "meta", "li", "dd", "dt", "table", "a", "p", "span", "img", "i", "b",
                "strong", "em", "h1", "h2", "h3", "h4", "h5", "h6", "label", "form", "input", "select", "option", "optgroup",
                "link", "picture", "source", "video", "audio", "canvas", "html", "head", "abbr", "cite", "code", "pre", "q",
                "s", "u", "time", "mark", "main", "figcaption", "summary", "slot", "object", "legend", "output", "progress",
                "meter", "bdi", "bdo", "data", "kbd", "samp", "var", "ins", "del", "map", "font", "nobr", "big", "tt",
                "strike", "small", "sup", "sub", "marquee", "base"));
        for (Set<String> names : List.of(RAW_TEXT, BLOCKS, VOID, TABLE_PARTS, NEVER_IN_BLOCKS, SVG_PARTS)) all.addAll(names);
        for (String name : all) {
            int slot = knownSlot(name.hashCode());
            while (KNOWN_NAMES[slot] != null) slot = (slot + 1) & (KNOWN_NAMES.length - 1);
            KNOWN_NAMES[slot] = name;
        }
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

    /** Deeper blocks than this are hostile, not content: left to the parser. */
    private static final int MAX_DEPTH = 2_000;

    /** Below this, cutting saves less than the copy costs. */
    private static final int WORTH_CUTTING = 64;

    private final String in;
    private char[] out;
    private int length;
    private int copied;
    private final ProductArea.Verdicts verdicts;
    /** The first '&' at or after the last attribute value looked at (values are read in page order). */
    private int nextAmpersand = -1;
    private boolean cutAny;
    private boolean inBody;
    private int visible;
    /** Open template and noscript elements: their text is not shown, so it is not counted. */
    private int unshownDepth;
    private int openButtons;
    /** After a block that could not be cut, no block starting before here is tried again (keeps the scan linear). */
    private int noBlocksBefore;

    private LeanHtml(String in, ProductArea.Verdicts verdicts) {
        this.in = in;
        this.verdicts = verdicts;
        this.out = new char[Math.min(in.length(), 64 * 1024 + in.length() / 4)];
    }

    /** The lean copy of {@code html}, or {@code html} itself when nothing was cut or the scan gave up. */
    static String of(String html) {
        return of(html, new ProductArea.Verdicts());
    }

    /** Like {@link #of(String)}, remembering its answers on class names and styles in {@code verdicts}. */
    static String of(String html, ProductArea.Verdicts verdicts) {
        LeanHtml scan = new LeanHtml(html, verdicts);
        return scan.run() && scan.cutAny ? scan.finish() : html;
    }

    private String finish() {
        append(copied, in.length());
        return new String(out, 0, length);
    }

    private void append(int from, int to) {
        if (length + to - from > out.length) out = java.util.Arrays.copyOf(out, Math.max(out.length * 2, length + to - from));
        in.getChars(from, to, out, length);
        length += to - from;
    }

    /** Leaves {@code [from, to)} out of the copy. */
    private void cut(int from, int to) {
        if (to - from < WORTH_CUTTING) return;
        append(copied, from);
        copied = to;
        cutAny = true;
    }

    private boolean cutting() {
        return visible >= KEEP_TEXT;
    }

    /** False when the page holds markup this scan does not model. */
    private boolean run() {
        int n = in.length();
        int i = 0;
        while (true) {
            int lt = in.indexOf('<', i);
            int textEnd = lt < 0 ? n : lt;
            if (inBody && unshownDepth == 0 && !cutting()) count(i, textEnd);
            squeeze(i, textEnd);
            if (lt < 0 || lt + 1 >= n) return true;
            char c = in.charAt(lt + 1);
            if (c == '!' || c == '?') {
                int end = skipMarkupDeclaration(lt);
                if (end < 0) return false;
                // The comment's text only: a comment removed whole would join the text around it ("<" + "b" = a tag).
                if (in.startsWith("<!--", lt)) cut(lt + 4, in.startsWith("--!>", end - 4) ? end - 4 : end - 3);
                i = end;
            } else if (c == '/') {
                if (lt + 2 >= n) return false;
                if (isAsciiLetter(in.charAt(lt + 2))) {
                    Tag tag = tag(lt + 2, false, false);
                    if (tag == null) return false;
                    if (tag.name().equals("template") || tag.name().equals("noscript")) {
                        unshownDepth = Math.max(0, unshownDepth - 1);
                    } else if (tag.name().equals("button")) {
                        openButtons = Math.max(0, openButtons - 1);
                    }
                    i = tag.end();
                } else {
                    int gt = in.indexOf('>', lt + 2);
                    if (gt < 0) return false;
                    i = gt + 1;
                }
            } else if (isAsciiLetter(c)) {
                Tag tag = tag(lt + 1, cutting() && lt >= noBlocksBefore && openButtons == 0, true);
                if (tag == null) return false;
                i = startTag(lt, tag);
                if (i < 0) return false;
            } else {
                i = lt + 1;
            }
        }
    }

    /** Handles a start tag at {@code lt}; where the scan goes on, or -1 to give up. */
    private int startTag(int lt, Tag tag) {
        int i = tag.end();
        String name = tag.name();
        switch (name) {
            case "body" -> inBody = true;
            case "template", "noscript" -> unshownDepth++;
            case "button" -> openButtons++;
            case "plaintext" -> {
                // Everything after it is text: nothing more to cut.
                return in.length();
            }
            case "math" -> {
                return -1;
            }
            case "script" -> {
                int end = rawEnd(i, "script");
                if (end < 0) return -1;
                if (!tag.keepsData()) {
                    // "<!--" then "<script" inside a script can make a "</script>" not end it.
                    if (indexOf("<!--", i, end) >= 0 && indexOf("<script", i, end) >= 0) return -1;
                    cut(i, end);
                }
                return end;
            }
            case "style" -> {
                int end = rawEnd(i, "style");
                if (end < 0) return -1;
                cut(i, end);
                return end;
            }
            case "svg" -> {
                if (tag.selfClosing()) return i;
                int end = svgEnd(i);
                if (end < 0) return -1;
                // Before triage's text is complete, an icon's <title> still counts as page text.
                if (cutting()) cut(i, end);
                return end;
            }
            default -> {
                if (RAW_TEXT.contains(name)) return rawEnd(i, name);
                if (cutting() && BLOCKS.contains(name) && lt >= noBlocksBefore && openButtons == 0 && tag.outside()) {
                    return cutBlock(i, name);
                }
            }
        }
        return i;
    }

    /**
     * Cuts the content of the block whose content starts at {@code from}, keeping data scripts and
     * meta tags, and returns where its end tag starts; when its markup is not balanced, cuts
     * nothing and returns {@code from}.
     */
    private int cutBlock(int from, String name) {
        List<int[]> kept = new ArrayList<>();
        int end = blockEnd(from, name, kept);
        if (end < 0) return from;
        append(copied, from);
        for (int[] range : kept) append(range[0], range[1]);
        copied = end;
        cutAny = true;
        return end;
    }

    /**
     * Where the block's own end tag starts, or -1 when its markup could let the parser close it
     * earlier (or is hostile): then {@link #noBlocksBefore} is set to where the scan stopped.
     * Ranges of data scripts and meta tags inside are added to {@code kept}.
     */
    private int blockEnd(int from, String name, List<int[]> kept) {
        List<String> open = new ArrayList<>();
        // Open lists, definition lists and tables inside the block, counted rather than searched for.
        int[] containers = new int[3];
        open.add(name);
        count(containers, name, 1);
        int n = in.length();
        int i = from;
        while (true) {
            int lt = in.indexOf('<', i);
            if (lt < 0 || lt + 2 >= n) return refuse(n);
            char c = in.charAt(lt + 1);
            if (c == '!' || c == '?') {
                i = skipMarkupDeclaration(lt);
                if (i < 0) return refuse(n);
            } else if (c == '/') {
                if (!isAsciiLetter(in.charAt(lt + 2))) {
                    int gt = in.indexOf('>', lt + 2);
                    if (gt < 0) return refuse(n);
                    i = gt + 1;
                    continue;
                }
                Tag tag = tag(lt + 2, false, false);
                if (tag == null || !tag.name().equals(open.getLast())) return refuse(lt);
                count(containers, open.removeLast(), -1);
                if (open.isEmpty()) return lt;
                i = tag.end();
            } else if (isAsciiLetter(c)) {
                Tag tag = tag(lt + 1, false, false);
                if (tag == null) return refuse(n);
                String tagName = tag.name();
                i = tag.end();
                if (NEVER_IN_BLOCKS.contains(tagName) || !containerOpen(tagName, containers) || open.size() > MAX_DEPTH) {
                    return refuse(lt);
                }
                if (tagName.equals("script") || tagName.equals("style") || RAW_TEXT.contains(tagName)) {
                    int end = rawEnd(i, tagName);
                    if (end < 0) return refuse(n);
                    if (tagName.equals("script") && !tag.keepsData()
                            && indexOf("<!--", i, end) >= 0 && indexOf("<script", i, end) >= 0) {
                        return refuse(lt);
                    }
                    Tag close = tag(end + 2, false, false);
                    if (close == null) return refuse(n);
                    if (tagName.equals("script") && tag.keepsData()) kept.add(new int[] {lt, close.end()});
                    i = close.end();
                } else if (tagName.equals("svg")) {
                    if (tag.selfClosing()) continue;
                    int end = svgEnd(i);
                    if (end < 0) return refuse(lt);
                    Tag close = tag(end + 2, false, false);
                    if (close == null) return refuse(n);
                    i = close.end();
                } else if (tagName.equals("meta")) {
                    kept.add(new int[] {lt, i});
                } else if (!VOID.contains(tagName)) {
                    open.add(tagName);
                    count(containers, tagName, 1);
                }
            } else {
                i = lt + 1;
            }
        }
    }

    private int refuse(int stoppedAt) {
        noBlocksBefore = Math.max(noBlocksBefore, stoppedAt);
        return -1;
    }

    /** False for list items, definition terms and table parts whose container was not opened inside the block. */
    private static boolean containerOpen(String name, int[] containers) {
        if (name.equals("li")) return containers[0] > 0;
        if (name.equals("dd") || name.equals("dt")) return containers[1] > 0;
        if (TABLE_PARTS.contains(name)) return containers[2] > 0;
        return true;
    }

    private static void count(int[] containers, String name, int change) {
        switch (name) {
            case "ul", "ol", "menu" -> containers[0] += change;
            case "dl" -> containers[1] += change;
            case "table" -> containers[2] += change;
            default -> { }
        }
    }

    /**
     * Cuts long runs of white space in the text {@code [from, to)} to their first character:
     * indentation is a large part of some pages, and every reader collapses white space anyway.
     */
    private void squeeze(int from, int to) {
        if (to - from <= WORTH_CUTTING) return;
        int run = -1;
        for (int k = from; k < to; k++) {
            if (isSpace(in.charAt(k))) {
                if (run < 0) run = k;
            } else {
                if (run >= 0) cut(run + 1, k);
                run = -1;
            }
        }
        if (run >= 0) cut(run + 1, to);
    }

    /** Counts the visible characters of {@code [from, to)} the way triage does; a character reference counts once. */
    private void count(int from, int to) {
        for (int i = from; i < to; i++) {
            char c = in.charAt(i);
            if (Character.isWhitespace(c)) continue;
            visible++;
            if (c == '&') {
                int j = i + 1;
                while (j < to && j - i < 40 && in.charAt(j) != ';' && !Character.isWhitespace(in.charAt(j))) j++;
                i = j < to && in.charAt(j) == ';' ? j : j - 1;
            }
        }
    }

    /** Skips a comment, doctype or other {@code <!…>} / {@code <?…>} at {@code lt}; where it ends, or -1. */
    private int skipMarkupDeclaration(int lt) {
        if (in.startsWith("<!--", lt)) return commentEnd(lt + 4);
        // doctype, CDATA outside foreign content, processing instructions: a bogus comment up to '>'
        int gt = in.indexOf('>', lt + 2);
        return gt < 0 ? -1 : gt + 1;
    }

    /** Where the comment whose text starts at {@code from} ends (after its {@code -->}), or -1. */
    private int commentEnd(int from) {
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
    private int rawEnd(int from, String name) {
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
     * Where the content of an SVG that starts at {@code from} ends: the {@code <} of its own
     * {@code </svg>}. -1 (give up) for anything not made of icon parts (CDATA included), for a
     * {@code <} in a style sheet, or when the SVG is left open.
     */
    private int svgEnd(int from) {
        int depth = 0;
        int i = from;
        while (true) {
            int lt = in.indexOf('<', i);
            if (lt < 0 || lt + 2 >= in.length()) return -1;
            if (in.startsWith("<!--", lt)) {
                i = commentEnd(lt + 4);
                if (i < 0) return -1;
                continue;
            }
            char c = in.charAt(lt + 1);
            boolean closing = c == '/';
            if (closing ? !isAsciiLetter(in.charAt(lt + 2)) : !isAsciiLetter(c)) return -1;
            Tag tag = tag(closing ? lt + 2 : lt + 1, false, false);
            if (tag == null || !SVG_PARTS.contains(tag.name())) return -1;
            i = tag.end();
            if (tag.name().equals("svg")) {
                if (closing) {
                    if (depth == 0) return lt;
                    depth--;
                } else if (!tag.selfClosing()) {
                    depth++;
                }
            } else if (!closing && tag.name().equals("style") && !tag.selfClosing()) {
                int end = rawEnd(i, "style");
                if (end < 0 || in.indexOf('<', i) < end) return -1;
                i = end;
            }
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
    private record Tag(String name, int end, boolean selfClosing, boolean keepsData, boolean outside) {}

    /**
     * Reads the tag whose name starts at {@code from} the way the tokeniser does; null when it runs
     * to the end. With {@code judge}, also decides whether the product area leaves its block out;
     * with {@code trimData}, cuts long {@code data-*} values (only for tags of the copy's main pass).
     */
    private Tag tag(int from, boolean judge, boolean trimData) {
        int n = in.length();
        int i = from;
        while (i < n && !endsName(in.charAt(i))) i++;
        String name = name(from, i);
        boolean keepsData = false;
        boolean selfClosing = false;
        Attrs attrs = judge && BLOCKS.contains(name) ? new Attrs() : null;
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
            if (trimData && valueEnd - valueStart >= WORTH_CUTTING && nameEnd - nameStart > 5
                    && in.regionMatches(true, nameStart, "data-", 0, 5)) {
                cut(valueStart, valueEnd);
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
            boolean longValue = trimData && valueEnd - valueStart >= WORTH_CUTTING;
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
                    cut(valueStart, valueEnd);
                }
            }
        }
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
    private int indexOf(String needle, int from, int to) {
        char first = needle.charAt(0);
        boolean jump = !isAsciiLetter(first);
        for (int at = jump ? in.indexOf(first, from) : from; at >= 0 && at + needle.length() <= to;
                at = jump ? in.indexOf(first, at + 1) : at + 1) {
            if (in.regionMatches(true, at, needle, 0, needle.length())) return at;
        }
        return -1;
    }

    private static boolean endsName(char c) {
        return isSpace(c) || c == '/' || c == '>';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
