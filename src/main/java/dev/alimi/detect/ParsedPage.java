package dev.alimi.detect;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.spi.json.JacksonJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import dev.alimi.model.Page;
import java.time.Instant;
import java.util.EnumSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * One page with its parses made at most once: the HTML document, the JSON tree and the visible
 * body text are shared by triage and every signal. Not thread-safe; one check uses it.
 */
final class ParsedPage {

    private static final Configuration JSON = Configuration.builder()
            .jsonProvider(new JacksonJsonProvider(
                    new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)))
            .mappingProvider(new JacksonMappingProvider())
            .options(EnumSet.noneOf(com.jayway.jsonpath.Option.class))
            .build();

    private final Page page;
    private final String body;
    private final Instant at;
    private final boolean lean;
    private Document html;
    private String visibleText;
    private DocumentContext json;
    private String jsonProblem;
    private com.fasterxml.jackson.databind.JsonNode tree;
    private boolean treeRead;
    private ProductArea area;
    /** Shared by the lean scan and the product area: one answer per class name per page. */
    private final ProductArea.Verdicts verdicts = new ProductArea.Verdicts();
    private Boolean looksLikeJson;
    private java.util.List<Element> elements;

    /** Wraps {@code page}; {@code fallbackAt} stands in for a missing receive time. */
    ParsedPage(Page page, Instant fallbackAt) {
        this(page, fallbackAt, false);
    }

    /**
     * Like {@link #ParsedPage(Page, Instant)}; a {@code lean} page is parsed without what
     * {@link LeanHtml} cuts, for readers that only look where {@code detect: auto} looks (the
     * product area, metadata, triage).
     */
    ParsedPage(Page page, Instant fallbackAt, boolean lean) {
        this.lean = lean;
        this.page = page;
        this.body = page.body() == null ? "" : page.body();
        this.at = page.receivedAt() != null ? page.receivedAt() : fallbackAt;
    }

    /** When the page arrived: the observation's time. */
    Instant at() {
        return at;
    }

    Page page() {
        return page;
    }

    String body() {
        return body;
    }

    /** True for a body that starts like JSON, or a JSON content type on a body that is not markup. */
    boolean looksLikeJson() {
        if (looksLikeJson == null) {
            int i = 0;
            while (i < body.length() && Character.isWhitespace(body.charAt(i))) i++;
            char first = i < body.length() ? body.charAt(i) : ' ';
            looksLikeJson = first == '{' || first == '['
                    || (page.contentType() != null && page.contentType().toLowerCase(java.util.Locale.ROOT).contains("json")
                            && first != '<');
        }
        return looksLikeJson;
    }

    /**
     * The body parsed as HTML (jsoup is lenient: any text parses). For a lean page (see
     * {@link #ParsedPage(Page, Instant, boolean)}) the parse leaves out what {@link LeanHtml} cuts.
     */
    Document html() {
        if (html == null) {
            String base = page.url() == null ? "" : page.url().toString();
            // Parser.parse(String, …) is this parse of a StringReader; the lean copy is read in place.
            html = lean ? Parser.htmlParser().parseInput(LeanHtml.reader(body, verdicts), base) : Jsoup.parse(body, base);
        }
        return html;
    }

    /** The product area of the HTML page, made once. */
    ProductArea area() {
        if (area == null) area = new ProductArea(html(), elements(), verdicts);
        return area;
    }

    /**
     * Every element of the document in order, listed once: readers filter this list instead of
     * each walking a large page again with a selector.
     */
    java.util.List<Element> elements() {
        if (elements == null) elements = allElements(html());
        return elements;
    }

    /**
     * {@code root} and every element under it in document order, as {@link Element#getAllElements()}
     * lists them, walked over elements only: jsoup's own walk visits every text node too, and a big
     * page has more of those than elements.
     */
    static java.util.List<Element> allElements(Element root) {
        java.util.List<Element> all = new java.util.ArrayList<>();
        java.util.ArrayDeque<Element> next = new java.util.ArrayDeque<>();
        next.push(root);
        while (!next.isEmpty()) {
            Element e = next.pop();
            all.add(e);
            for (int i = e.childNodeSize() - 1; i >= 0; i--) {
                if (e.childNode(i) instanceof Element child) next.push(child);
            }
        }
        return all;
    }

    /**
     * Visible text of the whole body, whitespace collapsed, case kept, read up to a little over
     * {@code max} characters: longer pages only need to be known as long.
     */
    String visibleText(int max) {
        if (visibleText == null) visibleText = VisibleText.prefix(html().body(), max);
        return visibleText;
    }

    /** The body as a JSON document, or null when it is not JSON (see {@link #jsonProblem()}). */
    DocumentContext json() {
        if (json == null && jsonProblem == null) {
            try {
                json = JsonPath.using(JSON).parse(body);
            } catch (RuntimeException e) {
                jsonProblem = "body is not JSON";
            }
        }
        return json;
    }

    /** The body as a lenient JSON tree for recipes, or null when it is not JSON. */
    com.fasterxml.jackson.databind.JsonNode tree() {
        if (!treeRead) {
            treeRead = true;
            tree = looksLikeJson() ? LenientJson.parse(body) : null;
        }
        return tree;
    }

    /** Why {@link #json()} is null. */
    String jsonProblem() {
        json();
        return jsonProblem;
    }
}
