package dev.alimi.model;

import java.util.List;

/**
 * A rule on one value: in stock when it {@code equals} a string, is {@code in} a list, or
 * {@code not-equals} a string. Values are compared as trimmed strings, case-insensitively.
 */
public record InStockCondition(ValueSelector at, String equals, List<String> in, String notEquals) {

    public InStockCondition {
        in = in == null ? List.of() : List.copyOf(in);
    }
}
