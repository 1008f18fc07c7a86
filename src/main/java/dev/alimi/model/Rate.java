package dev.alimi.model;

import java.time.Duration;

/** A request budget: at most {@code permits} request starts per {@code per}. */
public record Rate(int permits, Duration per) {

    public Rate {
        if (permits <= 0) throw new IllegalArgumentException("permits must be positive");
        if (per == null || per.isZero() || per.isNegative()) throw new IllegalArgumentException("per must be positive");
    }

    public static Rate perSecond(int permits) {
        return new Rate(permits, Duration.ofSeconds(1));
    }

    /** The shortest gap between two request starts that keeps within the budget. */
    public Duration spacing() {
        return per.dividedBy(permits);
    }

    @Override
    public String toString() {
        long s = per.toSeconds();
        if (per.equals(Duration.ofSeconds(s))) {
            if (s == 1) return permits + "/s";
            if (s == 60) return permits + "/min";
            if (s == 3600) return permits + "/h";
        }
        return permits + "/" + per.toMillis() + "ms";
    }
}
