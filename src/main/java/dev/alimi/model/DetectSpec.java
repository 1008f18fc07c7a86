package dev.alimi.model;

import java.util.List;

/** How a watch decides availability: a named recipe, or a rule written in the config. */
public sealed interface DetectSpec permits DetectSpec.Recipe, DetectSpec.Rule {

    /** A detector known by name ({@code auto} or a shop recipe). */
    record Recipe(String name) implements DetectSpec {}

    /**
     * A rule written in the config. Every field is optional, but at least one signal must be set.
     *
     * @param css             selects the elements whose text is compared with the text lists
     * @param inStockText     texts meaning in stock (case- and whitespace-insensitive, contained)
     * @param outOfStockText  texts meaning out of stock
     * @param jsonPath        path to a number: the quantity, &gt; 0 means in stock
     * @param inStock         a condition on one value meaning in stock
     * @param regex           a match on the body means in stock; a numeric group 1 is the quantity
     * @param outOfStockRegex a match on the body means out of stock
     * @param price           where the price is
     */
    record Rule(
            String css,
            List<String> inStockText,
            List<String> outOfStockText,
            String jsonPath,
            InStockCondition inStock,
            String regex,
            String outOfStockRegex,
            ValueSelector price) implements DetectSpec {

        public Rule {
            inStockText = inStockText == null ? List.of() : List.copyOf(inStockText);
            outOfStockText = outOfStockText == null ? List.of() : List.copyOf(outOfStockText);
        }
    }
}
