package dev.alimi.detect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

/** A CSS selector parsed once, selecting only elements a shopper can see. */
final class CssSelector {

    private final String query;
    private final Evaluator evaluator;

    private CssSelector(String query, Evaluator evaluator) {
        this.query = query;
        this.evaluator = evaluator;
    }

    static CssSelector parse(String key, String query) {
        if (query == null || query.isBlank()) throw new IllegalArgumentException(key + " selector is empty");
        try {
            return new CssSelector(query, QueryParser.parse(query));
        } catch (Selector.SelectorParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid " + key + " selector " + Evidence.quote(query) + ": "
                    + e.getMessage(), e);
        }
    }

    String query() {
        return query;
    }

    /** Matching elements outside script/template/noscript, in document order. */
    List<Element> select(Document document) {
        return collect(document, false);
    }

    /**
     * Like {@link #select} but without elements nested in another selected one, so that reading
     * their texts costs one pass over the page however deep the selection nests.
     */
    List<Element> selectOutermost(Document document) {
        return collect(document, true);
    }

    /** One walk over the document: hidden subtrees are skipped whole, never checked per element. */
    private List<Element> collect(Document document, boolean outermost) {
        Set<Element> matched = Collections.newSetFromMap(new IdentityHashMap<>());
        matched.addAll(document.select(evaluator));
        List<Element> out = new ArrayList<>();
        if (matched.isEmpty()) return out;
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element element)) return FilterResult.SKIP_CHILDREN;
                if (VisibleText.hidesContent(element)) return FilterResult.SKIP_ENTIRELY;
                if (!matched.contains(element)) return FilterResult.CONTINUE;
                out.add(element);
                return outermost ? FilterResult.SKIP_CHILDREN : FilterResult.CONTINUE;
            }
        }, document);
        return out;
    }
}
