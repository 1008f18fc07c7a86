package dev.alimi.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alimi.model.Page;
import java.time.Instant;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * What {@code detect: auto} reads from a page, once from the whole parse and once from the lean
 * one ({@link LeanHtml}): the two must agree on every page.
 */
record LeanReading(String triage, String triageText, Finding generic, Finding genericWithPreorder, String areaText, List<String> dataScripts,
        List<String> metas) {

    static LeanReading of(Page page, boolean lean) {
        ParsedPage parsed = new ParsedPage(page, Instant.EPOCH, lean);
        String triage = new PageTriage().triage(parsed).map(Object::toString).orElse("none");
        String text = parsed.visibleText(BotWalls.SMALL_PAGE_TEXT);
        Finding generic = AutoDetector.generic(parsed, false);
        Finding withPreorder = AutoDetector.generic(parsed, true);
        String area = parsed.area().text();
        List<String> scripts = parsed.elements().stream().filter(e -> e.nameIs("script") && e.attr("type").contains("json"))
                .map(Element::data).toList();
        List<String> metas = parsed.elements().stream().filter(e -> e.nameIs("meta")).map(e -> e.attributes().html())
                .toList();
        return new LeanReading(triage, text, generic, withPreorder, area, scripts, metas);
    }

    /** Asserts that the lean parse reads {@code page} exactly as the whole parse does. */
    static void assertSame(Page page) {
        LeanReading whole = of(page, false);
        LeanReading lean = of(page, true);
        assertThat(lean).as("lean reading of %s", abbreviate(page.body())).isEqualTo(whole);
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
