package dev.alimi.detect;

import dev.alimi.model.Availability;
import dev.alimi.model.DetectSpec;
import dev.alimi.model.Observation;
import dev.alimi.model.Watch;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides by a rule written in the config, combining its signals conservatively: signals that
 * find nothing do not decide, decisive signals must agree, and any signal that could not run
 * makes the whole check an ERROR.
 */
public final class RuleDetector implements PageDetector {

    static final String KIND = "rule";

    private final List<Signal> signals;
    private final PriceReader price;

    /** Builds the detector; a rule with no signal or a bad selector or pattern fails here, clearly. */
    public RuleDetector(DetectSpec.Rule rule) {
        this(rule, RegexBudget.DEFAULT);
    }

    public RuleDetector(DetectSpec.Rule rule, RegexBudget budget) {
        List<Signal> list = new ArrayList<>();
        // json-path first: its quantity is the one reported when several signals give one.
        if (rule.jsonPath() != null) list.add(new JsonPathSignal(rule.jsonPath()));
        if (rule.inStock() != null) list.add(new ConditionSignal(rule.inStock(), budget));
        if (rule.css() != null) {
            list.add(new CssTextSignal(rule.css(), rule.inStockText(), rule.outOfStockText()));
        } else if (!rule.inStockText().isEmpty() || !rule.outOfStockText().isEmpty()) {
            throw new IllegalArgumentException("in-stock-text and out-of-stock-text need css");
        }
        if (rule.regex() != null || rule.outOfStockRegex() != null) {
            list.add(new RegexSignal(rule.regex(), rule.outOfStockRegex(), budget));
        }
        if (list.isEmpty()) {
            throw new IllegalArgumentException("rule has no signal: set css, json-path, in-stock or regex");
        }
        this.signals = List.copyOf(list);
        this.price = rule.price() == null ? null : new PriceReader(rule.price(), budget);
    }

    @Override
    public Observation detect(Watch watch, ParsedPage page) {
        List<SignalResult> results = signals.stream().map(s -> s.read(page)).toList();
        Decision decision = combine(results);
        List<String> evidence = new ArrayList<>(List.of(decision.evidence()));
        Price found = null;
        if (price != null && decision.availability() != Availability.ERROR) {
            PriceReader.Outcome outcome = price.read(page);
            found = outcome.price();
            if (outcome.note() != null) evidence.add(outcome.note());
        }
        return new Observation(watch.name(), decision.availability(), decision.quantity(),
                found == null ? null : found.amount(), found == null ? null : found.currency(),
                Evidence.cap(Evidence.join(evidence)), decision.detector(), page.at());
    }

    private record Decision(Availability availability, Long quantity, String evidence, String detector) {}

    private Decision combine(List<SignalResult> results) {
        Long quantity = results.stream().map(SignalResult::quantity).filter(q -> q != null).findFirst().orElse(null);
        for (SignalResult r : results) {
            if (r.availability() == Availability.ERROR) return new Decision(Availability.ERROR, null, r.evidence(), r.kind());
        }
        List<SignalResult> decisive = results.stream().filter(r -> r.availability().isDecisive()).toList();
        String all = Evidence.join(results.stream().map(SignalResult::evidence).toList());
        String kind = results.size() == 1 ? results.getFirst().kind() : KIND;
        if (decisive.isEmpty()) return new Decision(Availability.UNKNOWN, quantity, all, kind);
        Availability first = decisive.getFirst().availability();
        if (decisive.stream().anyMatch(r -> r.availability() != first)) {
            return new Decision(Availability.UNKNOWN, quantity, "conflicting: " + all, KIND);
        }
        String decidedBy = decisive.size() == 1 ? decisive.getFirst().kind() : KIND;
        return new Decision(first, quantity, all, decidedBy);
    }
}
