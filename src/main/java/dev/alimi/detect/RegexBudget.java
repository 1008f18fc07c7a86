package dev.alimi.detect;

/**
 * How many character reads one regex search may make on a body of a given length. A linear
 * pattern reads each character a few times; catastrophic backtracking reads far more and is cut.
 *
 * @param baseSteps     steps allowed whatever the body's length
 * @param stepsPerChar  further steps per body character
 */
public record RegexBudget(long baseSteps, long stepsPerChar) {

    /** Generous for sane patterns on 5 MB pages, fatal to exponential ones. */
    public static final RegexBudget DEFAULT = new RegexBudget(10_000_000L, 64L);

    public RegexBudget {
        if (baseSteps <= 0 || stepsPerChar < 0) {
            throw new IllegalArgumentException("regex budget must be positive: " + baseSteps + ", " + stepsPerChar);
        }
    }

    long stepsFor(int length) {
        long extra = stepsPerChar * (long) length;
        return extra > Long.MAX_VALUE - baseSteps ? Long.MAX_VALUE : baseSteps + extra;
    }
}
