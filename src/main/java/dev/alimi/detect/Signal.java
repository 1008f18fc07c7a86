package dev.alimi.detect;

/** One availability signal of a rule, read from a page. Implementations are immutable and reusable. */
sealed interface Signal permits CssTextSignal, JsonPathSignal, ConditionSignal, RegexSignal {

    /** Reads the signal; a search that cannot finish surfaces as a result with ERROR. */
    SignalResult read(ParsedPage page);
}
