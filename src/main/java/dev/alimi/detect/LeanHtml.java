package dev.alimi.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A page's HTML without what {@code detect: auto} never reads, cut from the raw text before
 * parsing, since parsing is most of a big page's cost: the code of scripts, style sheets and
 * comments, {@code data-*} values, long runs of white space and, once the page has shown more
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

    /** Deeper blocks than this are hostile, not content: left to the parser. */
    private static final int MAX_DEPTH = 2_000;

    /** Below this, cutting saves less than the copy costs. */
    static final int WORTH_CUTTING = 64;

    private final String in;
    private char[] out;
    private int length;
    private int copied;
    private final RawTags tags;
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
        this.tags = new RawTags(in, verdicts, this::leaveOut);
        this.out = new char[Math.min(in.length(), 64 * 1024 + in.length() / 4)];
    }

    /** The lean copy of {@code html}, or {@code html} itself when nothing was cut or the scan gave up. */
    static String of(String html) {
        return of(html, new ProductArea.Verdicts());
    }

    /** Like {@link #of(String)}, remembering its answers on class names and styles in {@code verdicts}. */
    static String of(String html, ProductArea.Verdicts verdicts) {
        LeanHtml scan = scan(html, verdicts);
        return scan == null ? html : new String(scan.out, 0, scan.length);
    }

    /** The text of {@link #of(String, ProductArea.Verdicts)}, read where it was written: a string of it is one more copy. */
    static java.io.Reader reader(String html, ProductArea.Verdicts verdicts) {
        LeanHtml scan = scan(html, verdicts);
        return scan == null ? new java.io.StringReader(html) : new java.io.CharArrayReader(scan.out, 0, scan.length);
    }

    /** The finished copy, or null when nothing was cut or the scan gave up. */
    private static LeanHtml scan(String html, ProductArea.Verdicts verdicts) {
        LeanHtml scan = new LeanHtml(html, verdicts);
        if (!scan.run() || !scan.cutAny) return null;
        scan.append(scan.copied, html.length());
        return scan;
    }

    private void append(int from, int to) {
        if (length + to - from > out.length) out = java.util.Arrays.copyOf(out, Math.max(out.length * 2, length + to - from));
        in.getChars(from, to, out, length);
        length += to - from;
    }

    /** Leaves {@code [from, to)} out of the copy when that saves more than the copy costs. */
    private void cut(int from, int to) {
        if (to - from >= WORTH_CUTTING) leaveOut(from, to);
    }

    private void leaveOut(int from, int to) {
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
                int end = tags.skipMarkupDeclaration(lt);
                if (end < 0) return false;
                // The comment's text only: a comment removed whole would join the text around it ("<" + "b" = a tag).
                if (in.startsWith("<!--", lt)) cut(lt + 4, in.startsWith("--!>", end - 4) ? end - 4 : end - 3);
                i = end;
            } else if (c == '/') {
                if (lt + 2 >= n) return false;
                if (RawTags.isAsciiLetter(in.charAt(lt + 2))) {
                    RawTags.Tag tag = tags.tag(lt + 2, null, false);
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
            } else if (RawTags.isAsciiLetter(c)) {
                boolean mayCut = cutting() && lt >= noBlocksBefore && openButtons == 0;
                RawTags.Tag tag = tags.tag(lt + 1, mayCut ? BLOCKS : null, true);
                if (tag == null) return false;
                i = startTag(lt, tag);
                if (i < 0) return false;
            } else {
                i = lt + 1;
            }
        }
    }

    /** Handles a start tag at {@code lt}; where the scan goes on, or -1 to give up. */
    private int startTag(int lt, RawTags.Tag tag) {
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
                int end = tags.rawEnd(i, "script");
                if (end < 0) return -1;
                if (!tag.keepsData()) {
                    // "<!--" then "<script" inside a script can make a "</script>" not end it.
                    if (tags.indexOf("<!--", i, end) >= 0 && tags.indexOf("<script", i, end) >= 0) return -1;
                    cut(i, end);
                }
                return end;
            }
            case "style" -> {
                int end = tags.rawEnd(i, "style");
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
                if (RAW_TEXT.contains(name)) return tags.rawEnd(i, name);
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
                i = tags.skipMarkupDeclaration(lt);
                if (i < 0) return refuse(n);
            } else if (c == '/') {
                if (!RawTags.isAsciiLetter(in.charAt(lt + 2))) {
                    int gt = in.indexOf('>', lt + 2);
                    if (gt < 0) return refuse(n);
                    i = gt + 1;
                    continue;
                }
                RawTags.Tag tag = tags.tag(lt + 2, null, false);
                if (tag == null || !tag.name().equals(open.getLast())) return refuse(lt);
                count(containers, open.removeLast(), -1);
                if (open.isEmpty()) return lt;
                i = tag.end();
            } else if (RawTags.isAsciiLetter(c)) {
                RawTags.Tag tag = tags.tag(lt + 1, null, false);
                if (tag == null) return refuse(n);
                String tagName = tag.name();
                i = tag.end();
                if (NEVER_IN_BLOCKS.contains(tagName) || !containerOpen(tagName, containers) || open.size() > MAX_DEPTH) {
                    return refuse(lt);
                }
                if (tagName.equals("script") || tagName.equals("style") || RAW_TEXT.contains(tagName)) {
                    int end = tags.rawEnd(i, tagName);
                    if (end < 0) return refuse(n);
                    if (tagName.equals("script") && !tag.keepsData()
                            && tags.indexOf("<!--", i, end) >= 0 && tags.indexOf("<script", i, end) >= 0) {
                        return refuse(lt);
                    }
                    RawTags.Tag close = tags.tag(end + 2, null, false);
                    if (close == null) return refuse(n);
                    if (tagName.equals("script") && tag.keepsData()) kept.add(new int[] {lt, close.end()});
                    i = close.end();
                } else if (tagName.equals("svg")) {
                    if (tag.selfClosing()) continue;
                    int end = svgEnd(i);
                    if (end < 0) return refuse(lt);
                    RawTags.Tag close = tags.tag(end + 2, null, false);
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
            if (RawTags.isSpace(in.charAt(k))) {
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
                i = tags.commentEnd(lt + 4);
                if (i < 0) return -1;
                continue;
            }
            char c = in.charAt(lt + 1);
            boolean closing = c == '/';
            if (closing ? !RawTags.isAsciiLetter(in.charAt(lt + 2)) : !RawTags.isAsciiLetter(c)) return -1;
            RawTags.Tag tag = tags.tag(closing ? lt + 2 : lt + 1, null, false);
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
                int end = tags.rawEnd(i, "style");
                if (end < 0 || in.indexOf('<', i) < end) return -1;
                i = end;
            }
        }
    }
}
