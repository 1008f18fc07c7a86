package dev.alimi.detect;

import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs a regex over a body with a step budget, so a pathological pattern ends instead of hanging a lane. */
final class BoundedRegex {

    private final Pattern pattern;
    private final RegexBudget budget;

    BoundedRegex(Pattern pattern, RegexBudget budget) {
        this.pattern = pattern;
        this.budget = budget;
    }

    /** Compiles {@code regex} multiline (DOTALL off), with a clear error for a bad pattern. */
    static BoundedRegex compile(String key, String regex, RegexBudget budget) {
        try {
            return new BoundedRegex(Pattern.compile(regex, Pattern.MULTILINE), budget);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid " + key + " " + Evidence.quote(regex) + ": "
                    + e.getDescription() + " near index " + e.getIndex(), e);
        }
    }

    String pattern() {
        return pattern.pattern();
    }

    /**
     * The first match in {@code text}, or empty.
     *
     * @throws TooSlow when the budget runs out (or the pattern recurses too deep)
     */
    Optional<MatchResult> find(String text) {
        Matcher matcher = pattern.matcher(new Budgeted(text, budget.stepsFor(text.length())));
        try {
            return matcher.find() ? Optional.of(matcher.toMatchResult()) : Optional.empty();
        } catch (OutOfSteps e) {
            throw new TooSlow(pattern.pattern());
        } catch (StackOverflowError e) {
            // Java's regex engine recurses per repetition of some groups; a deep one is as fatal as a slow one.
            throw new TooSlow(pattern.pattern());
        }
    }

    /** A regex search that ran out of its step budget. */
    static final class TooSlow extends RuntimeException {
        TooSlow(String pattern) {
            super("regex took too long: " + Evidence.quote(pattern));
        }
    }

    /** Thrown from inside the matcher; carries no stack, it is caught right away. */
    private static final class OutOfSteps extends RuntimeException {
        OutOfSteps() {
            super(null, null, false, false);
        }
    }

    /** Counts every character read and aborts the search once the budget is spent. */
    private static final class Budgeted implements CharSequence {
        private final String text;
        private long left;

        Budgeted(String text, long steps) {
            this.text = text;
            this.left = steps;
        }

        @Override
        public char charAt(int index) {
            if (--left < 0) throw new OutOfSteps();
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.substring(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
