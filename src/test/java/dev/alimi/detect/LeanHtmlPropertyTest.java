package dev.alimi.detect;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The lean parse reads every page as the whole parse does, whatever mix of scripts, comments,
 * SVG, left-out blocks, broken nesting and stock phrases the page holds, and wherever it ends.
 */
class LeanHtmlPropertyTest {

    private static final String LONG_TEXT = "<p>" + "word ".repeat(LeanHtml.KEEP_TEXT / 4 + 50) + "</p>";

    /** Long enough for the scan to bother cutting. */
    private static final String PAD = " ".repeat(70);

    private static final List<String> PIECES = List.of(
            LONG_TEXT, "<p>Sold out</p>", "<p>In stock</p>", "<button>Add to cart</button>", "<button disabled>Buy now</button>",
            "<p>Only 3 left in stock</p>", "<h1>Mask</h1>", "text ", "<main>", "</main>", "<div>", "</div>", "<div class=reviews>",
            "<DIV CLASS=\"related-products\">", "<section id=recommendations>", "</section>", "<div hidden>",
            "<div style=\"display:none\">", "<div aria-hidden=true>", "<div class=\"a-hidden\">", "<header>", "</header>",
            "<nav>", "</nav>", "<footer>", "</footer>", "<ul>", "</ul>", "<li>", "</li>", "<table><tr><td>", "</td></tr></table>",
            "<td>", "<b>", "</b>", "<p>", "</p>", "<span>", "</span>", "<template>", "</template>", "<noscript>", "</noscript>",
            "<script>var a = \"</script>\"; var b = 1;" + PAD + "</script>", "<script>var s = '<p>Sold out</p>'.repeat(3);" + PAD + "</script>",
            "<SCRIPT>if (a < b) { x = '<div class=reviews>'; }" + PAD + "</SCRIPT>", "<script><!-- var a = 1; " + PAD + "--></script>", "<script>" + PAD + "<!-- <script> </script> -->", "<script>var a = 1;" + PAD,
            "<script type=application/ld+json>{\"@type\":\"Product\",\"offers\":{\"availability\":\"InStock\"}}</script>",
            "<script type=\"application/ld+json\">{\"@type\":\"Product\",\"offers\":{\"availability\":\"OutOfStock\"}}</script>",
            "<meta property=og:availability content=instock>", "<meta itemprop=availability content=OutOfStock>",
            "<div itemscope itemtype=http://schema.org/Product><link itemprop=availability href=http://schema.org/InStock>",
            "<style>.a > .b { color: red }" + PAD + "</style>", "<style>" + PAD, "<!-- <div class=reviews> " + PAD + "-->", "<!--" + PAD + "--!>", "<!--" + PAD, "<!-- <script> -->", "<!-->", "<!--->",
            "<svg viewBox=\"0 0 1 1\"><title>Cart</title><path d=\"M0 0" + PAD + "\"/></svg>", "<svg><g>" + PAD + "<svg><path/></svg>", "<svg><div>Sold out</div></svg>",
            "<svg/>", "<textarea><div class=reviews></textarea>", "<title>x</title>", "<div title='a > b' data-state=\"{&quot;x&quot;:1}" + PAD + "\">", "<div data-x=\"" + PAD, "<div data-x=" + PAD.replace(' ', 'y') + " class=reviews>",
            "<img src=x alt=\"Sold out\">", "<br/>", "<input type=password>", "<form>", "</form>", "<select><option>Sold out</option></select>",
            "<iframe>Sold out</iframe>", "<span =\"x>", "<span b=c =\"<script>\">", "<span b/c=\"<script>\">",
            "<span b = \"x>y\" c='<style>' d=e>", "<span/ =\"<script>\">", "<div =class=reviews>", "<div class=reviews =x>",
            "<div hidden=\">\">", "<svg><a href=#x><path d=\"M0" + PAD + "\"/></a></svg>", "<?php x ?>", "<!doctype html>", "</body>", "<body>", "</html>", "<");

    @Provide
    Arbitrary<String> pages() {
        return Arbitraries.of(PIECES).list().ofMinSize(1).ofMaxSize(40).map(pieces -> String.join("", pieces));
    }

    @Property(tries = 500)
    void theLeanParseReadsEveryPageAsTheWholeParseDoes(@ForAll("pages") String body) {
        LeanReading.assertSame(TestPages.html("<html><body>" + LONG_TEXT + body));
        LeanReading.assertSame(TestPages.html(body));
    }
}
