package dev.alimi.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alimi.model.Availability;
import dev.alimi.model.DetectSpec;
import dev.alimi.model.Observation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The raw-text cut before parsing: what it leaves out, what it keeps, and where it gives up. */
class LeanHtmlTest {

    /** Enough visible text for blocks after it to be cut ({@link LeanHtml#KEEP_TEXT}). */
    private static final String LONG_TEXT = "<p>" + "word ".repeat(LeanHtml.KEEP_TEXT / 4 + 50) + "</p>";
    private static final String CODE = "var state = {\"label\": \"Sold out\", \"n\": 1};".repeat(5);

    private final Detection detection = new Detection(DetectorRegistry.standard());

    private static String page(String head, String body) {
        return "<!doctype html><html><head>" + head + "</head><body>" + body + "</body></html>";
    }

    @Test
    void scriptCodeStyleSheetsAndCommentsAreLeftOutTagsStay() {
        String html = page("<style>.a{color:red}" + ".b{x:y}".repeat(20) + "</style>",
                "<main>Add to cart</main><script>" + CODE + "</script><!-- " + "note ".repeat(20) + "-->");

        String lean = LeanHtml.of(html);

        assertThat(lean).doesNotContain("Sold out", "color:red", "note").contains("<script></script>", "<style></style>",
                "<main>Add to cart</main>");
        LeanReading.assertSame(TestPages.html(html));
    }

    @Test
    void jsonLdAndOtherDataScriptsKeepTheirContent() {
        String ld = "{\"@type\":\"Product\",\"offers\":{\"availability\":\"https://schema.org/InStock\",\"price\":\"9.99\"}}";
        String html = page("<script type=application/ld+json>" + ld + "</script>", "<main>Mask</main>"
                + "<script type=\"application/json\" id=ProductJson>{\"variants\":[" + "1,".repeat(40) + "2]}</script>");

        assertThat(LeanHtml.of(html)).contains(ld, "\"variants\"");
        LeanReading.assertSame(TestPages.html(html));
    }

    @Test
    void jsonLdWrittenInsideAScriptStringIsNotJsonLd() {
        // The first "</script>" ends the outer script, as in a browser: the JSON-LD was never a script of its own.
        String html = page("", "<main>Mask</main><script>var s = '<script type=\"application/ld+json\">"
                + "{\"@type\":\"Product\",\"offers\":{\"availability\":\"InStock\"}}</script>';" + CODE + "</script>");

        Observation o = decide(html);

        assertThat(o.availability()).as(o.evidence()).isEqualTo(Availability.UNKNOWN);
        LeanReading.assertSame(TestPages.html(html));
    }

    @Test
    void aClosingScriptTagInAStringLiteralEndsTheScriptAsInABrowser() {
        String html = page("", "<main><h1>Mask</h1><script>var s = \"</script><p>Sold out</p><script>\";" + CODE
                + "</script><button>Add to cart</button></main>");

        Observation o = decide(html);

        assertThat(LeanHtml.of(html)).contains("<p>Sold out</p>");
        assertThat(o.availability()).as(o.evidence()).isEqualTo(Availability.OUT_OF_STOCK);
        LeanReading.assertSame(TestPages.html(html));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<main>Add to cart</main><script>var never = \"closed",
        "<main>Add to cart</main><style>.a{}",
        "<main>Add to cart</main><!-- never closed",
        "<main>Add to cart</main><div class=\"x",
        "<main>Add to cart</main><script><!-- <script>var a = 1;</script> still script </script>",
        "<main>Add to cart</main><math><mi>x</mi></math>",
        "<main>Add to cart</main><svg><div>Sold out</div></svg>",
        "<main>Add to cart</main><svg><style>a<b>c</b></style></svg>",
    })
    void markupItDoesNotModelIsParsedWhole(String body) {
        String html = page("<style>" + ".a{b:c}".repeat(20) + "</style>", body + "x".repeat(100));

        assertThat(LeanHtml.of(html)).isSameAs(html);
    }

    @Test
    void upperCaseTagsAndUnquotedAttributesAreRead() {
        String html = page("<STYLE>" + ".a{b:c}".repeat(20) + "</STYLE><SCRIPT TYPE=application/ld+json>"
                + "{\"@type\":\"Product\",\"offers\":{\"availability\":\"OutOfStock\"}}</SCRIPT>",
                LONG_TEXT + "<MAIN><P>Mask</P><SCRIPT>" + CODE + "</Script ></MAIN>"
                        + "<DIV CLASS=Reviews><P>" + "Great, add to cart! ".repeat(10) + "</P></DIV>");

        String lean = LeanHtml.of(html);

        assertThat(lean).doesNotContain(".a{b:c}", "var state", "Great").contains("OutOfStock", "<DIV CLASS=Reviews></DIV>");
        LeanReading.assertSame(TestPages.html(html));
    }

    @Test
    void tagsInCommentsAndAttributeValuesAreNotTags() {
        String html = page("", "<!-- <script> --><main><div title='<script>' data-x=\"</main><style>\">"
                + "<p>Sold out</p></div></main><script>" + CODE + "</script>");

        assertThat(LeanHtml.of(html)).contains("<p>Sold out</p>").doesNotContain("var state");
        LeanReading.assertSame(TestPages.html(html));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // '=' after a tag name or a finished value starts an attribute's name: the quote is no value, '>' ends the tag
        "<span =\"x><p>Sold out</p><script>%s</script>\">",
        "<span a=b =\"x><p>Sold out</p><script>%s</script>\">",
        "<span a/=\"x><p>Sold out</p><script>%s</script>\">",
        // a real value holds '>' and '<script>' without ending the tag
        "<span title = \"x><script>%s</script>\"><p>Sold out</p>",
        "<span title='<style>%s'><p>Sold out</p>",
    })
    void oddAttributesAreReadAsTheParserReadsThem(String fragment) {
        String html = page("", LONG_TEXT + "<main><h1>Mask</h1>" + fragment.formatted("var a = 1;".repeat(10))
                + "<button>Add to cart</button></main>");

        assertThat(decide(html).availability()).isEqualTo(Availability.OUT_OF_STOCK);
        LeanReading.assertSame(TestPages.html(html));
    }

    @Test
    void longDataValuesAreCutAndAnUnquotedOneKeepsTheNextAttributeItsOwn() {
        String state = "x".repeat(LeanHtml.WORTH_CUTTING + 10);
        String html = page("", LONG_TEXT + "<main><h1>Mask</h1><div data-state=" + state + " class=reviews><p>Sold out</p></div>"
                + "<div data-state=\"" + state + "\" class=\"reviews\"><p>Sold out</p></div><p>In stock</p></main>");

        String lean = LeanHtml.of(html);

        assertThat(lean).doesNotContain(state).contains("data-state=x class=reviews", "data-state=\"\" class=\"reviews\"");
        LeanReading.assertSame(TestPages.html(html));
    }

    @Test
    void blocksLeftOutOfTheProductAreaAreCutOnceTriageHasItsText() {
        String reviews = "<div class=\"reviews\"><ul><li>" + "Back in stock, buy now! ".repeat(10) + "</li></ul>"
                + "<script type=application/ld+json>{\"@type\":\"Organization\"}</script>"
                + "<meta property=og:availability content=instock></div>";
        String html = page("", "<header><nav>" + "Menu ".repeat(40) + "</nav></header>" + LONG_TEXT
                + "<main><h1>Mask</h1><p>Sold out</p>" + reviews + "</main><footer>" + "Links ".repeat(40) + "</footer>");

        String lean = LeanHtml.of(html);

        assertThat(lean).contains("Menu", "<p>Sold out</p>", "{\"@type\":\"Organization\"}",
                "<meta property=og:availability content=instock>").doesNotContain("Back in stock", "Links");
        LeanReading.assertSame(TestPages.html(html));
    }

    @Test
    void smallPagesKeepEveryBlockForTriage() {
        String html = page("<title>Shop</title>", "<header>" + "Menu ".repeat(40) + "</header><main><h2>보안 확인</h2>"
                + "<form><input type=password name=pw></form></main><footer>" + "Links ".repeat(40) + "</footer>");

        assertThat(LeanHtml.of(html)).contains("Menu", "Links");
        assertThat(decide(html).availability()).isEqualTo(Availability.BLOCKED);
        LeanReading.assertSame(TestPages.html(html));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a list item closes the list item the block sits in, taking the rest out of the block
        "<ul><li><div class=related><li><p>Sold out</p></li></div></ul>",
        // an ancestor's end tag closes the block early
        "<section><div class=reviews><p>x</p></section><p>Sold out</p></div>",
        // a cell closes the cell the block sits in
        "<table><tr><td><div class=carousel><td><p>Sold out</p></td></div></tr></table>",
        // mis-nested formatting
        "<div class=related><b><p>x</b>y</p></div><p>Sold out</p>",
    })
    void blocksTheParserCouldCloseEarlyAreNotCut(String fragment) {
        String html = page("", LONG_TEXT + "<main><h1>Mask</h1>" + fragment + "<button>Add to cart</button></main>");

        assertThat(LeanHtml.of(html)).contains("Sold out");
        assertThat(decide(html).availability()).isEqualTo(Availability.OUT_OF_STOCK);
        LeanReading.assertSame(TestPages.html(html));
    }

    @Test
    void svgIconsAreCutAfterTriagesTextAndKeptBefore() {
        String icon = "<svg viewBox=\"0 0 10 10\"><title>Cart icon</title><!-- drawn --><path d=\"" + "M0 0L1 1".repeat(20)
                + "\"/><g><use href=#i /></g></svg>";
        String html = page("", icon + LONG_TEXT + "<main>Add to cart" + icon + "</main>");

        String lean = LeanHtml.of(html);

        assertThat(lean.indexOf("Cart icon")).isNotNegative();
        assertThat(lean.indexOf("Cart icon", lean.indexOf("<main>"))).isNegative();
        LeanReading.assertSame(TestPages.html(html));
    }

    @Test
    void deeplyNestedUnclosedBlocksAreScannedOnce() {
        // Each block would be tried to the end of the page: the scan must not go quadratic.
        String html = page("", LONG_TEXT + "<main>Add to cart</main>" + "<div class=review>x".repeat(20_000));

        String lean = LeanHtml.of(html);

        assertThat(lean).contains("<main>Add to cart</main>");
        assertThat(lean.length()).isEqualTo(html.length());
    }

    @Test
    void rulesAndShopRecipesStillSeeTheWholePage() {
        String html = page("", LONG_TEXT + "<main><h1>Mask</h1><div class=prod-buy><div class=hidden>"
                + "<span class=sold-out>x</span>" + "filler ".repeat(20) + "</div></div></main>");
        DetectSpec.Rule rule = TestPages.css(".hidden .sold-out", java.util.List.of(), java.util.List.of("x"));

        Observation byRule = detection.decide(TestPages.watch(rule), TestPages.html(html));
        Observation byCoupang = detection.decide(TestPages.watch(new DetectSpec.Recipe("auto")),
                TestPages.page(200, java.net.URI.create("https://www.coupang.com/vp/products/1"), "text/html", html));

        assertThat(byRule.availability()).as(byRule.evidence()).isEqualTo(Availability.OUT_OF_STOCK);
        assertThat(byCoupang.availability()).as(byCoupang.evidence()).isEqualTo(Availability.OUT_OF_STOCK);
    }

    private Observation decide(String html) {
        return detection.decide(TestPages.watch(new DetectSpec.Recipe("auto")), TestPages.html(html));
    }
}
