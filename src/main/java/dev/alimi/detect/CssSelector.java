package dev.alimi.detect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
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
        List<Element> out = new ArrayList<>();
        for (Element e : document.select(evaluator)) {
            if (!VisibleText.isHidden(e)) out.add(e);
        }
        return out;
    }

    /**
     * Like {@link #select} but without elements nested in another selected one, so that reading
     * their texts costs one pass over the page however deep the selection nests.
     */
    List<Element> selectOutermost(Document document) {
        List<Element> all = select(document);
        Set<Element> chosen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Element> out = new ArrayList<>();
        for (Element e : all) {
            if (!hasChosenAncestor(e, chosen)) {
                chosen.add(e);
                out.add(e);
            }
        }
        return out;
    }

    private static boolean hasChosenAncestor(Element element, Set<Element> chosen) {
        for (Element p = element.parent(); p != null; p = p.parent()) {
            if (chosen.contains(p)) return true;
        }
        return false;
    }
}
