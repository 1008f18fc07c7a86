package dev.alimi.detect;

import dev.alimi.model.Availability;
import dev.alimi.model.InStockCondition;
import java.util.List;

/**
 * In stock when a value {@code equals} a string, is {@code in} a list, or {@code not-equals} a
 * string (trimmed, case-insensitive); otherwise out of stock. Several values: any one suffices.
 */
final class ConditionSignal implements Signal {

    static final String KIND = "in-stock";

    private final ValueReader reader;
    private final String operator;
    private final List<String> operands;

    ConditionSignal(InStockCondition condition, RegexBudget budget) {
        this.reader = new ValueReader("in-stock", condition.at(), budget);
        int set = (condition.equals() != null ? 1 : 0) + (condition.in().isEmpty() ? 0 : 1)
                + (condition.notEquals() != null ? 1 : 0);
        if (set != 1) {
            throw new IllegalArgumentException("in-stock needs exactly one of equals, in or not-equals, found " + set);
        }
        if (condition.equals() != null) {
            operator = "equals";
            operands = List.of(condition.equals().strip());
        } else if (condition.notEquals() != null) {
            operator = "not-equals";
            operands = List.of(condition.notEquals().strip());
        } else {
            operator = "in";
            operands = condition.in().stream().map(String::strip).toList();
        }
    }

    @Override
    public SignalResult read(ParsedPage page) {
        JsonValues.Read read;
        try {
            read = reader.read(page);
        } catch (BoundedRegex.TooSlow e) {
            return SignalResult.of(KIND, Availability.ERROR, e.getMessage());
        }
        if (read.problem() != null) return SignalResult.unknown(KIND, "in-stock " + reader.where() + " " + read.problem());
        Object decisive = null;
        for (Object value : read.values()) {
            if (holds(String.valueOf(value).strip())) {
                decisive = value;
                break;
            }
        }
        Object shown = decisive != null ? decisive : read.values().getFirst();
        String rule = operator + " " + (operator.equals("in") ? operands.toString() : Evidence.quote(operands.getFirst()));
        String evidence = "in-stock " + reader.where() + " = " + Evidence.quote(shown)
                + (decisive != null ? " " : " fails ") + rule;
        return SignalResult.of(KIND, decisive != null ? Availability.IN_STOCK : Availability.OUT_OF_STOCK, evidence);
    }

    private boolean holds(String value) {
        boolean matches = operands.stream().anyMatch(value::equalsIgnoreCase);
        return operator.equals("not-equals") ? !matches : matches;
    }
}
