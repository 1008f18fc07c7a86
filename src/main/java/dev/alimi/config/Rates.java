package dev.alimi.config;

import dev.alimi.model.Rate;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses request budgets as written in the config: {@code 1/s}, {@code 30/min}, {@code 100/h}, {@code 1/2s}. */
public final class Rates {

    static final String EXPECTED = "expected a rate like 1/s, 30/min or 1/2s";

    private static final Pattern FORM = Pattern.compile("(\\d{1,9})\\s*/\\s*([a-z0-9.]+)");
    private static final Map<String, Duration> UNITS = Map.ofEntries(
            Map.entry("s", Duration.ofSeconds(1)), Map.entry("sec", Duration.ofSeconds(1)),
            Map.entry("secs", Duration.ofSeconds(1)), Map.entry("second", Duration.ofSeconds(1)),
            Map.entry("seconds", Duration.ofSeconds(1)),
            Map.entry("m", Duration.ofMinutes(1)), Map.entry("min", Duration.ofMinutes(1)),
            Map.entry("mins", Duration.ofMinutes(1)), Map.entry("minute", Duration.ofMinutes(1)),
            Map.entry("minutes", Duration.ofMinutes(1)),
            Map.entry("h", Duration.ofHours(1)), Map.entry("hr", Duration.ofHours(1)),
            Map.entry("hour", Duration.ofHours(1)), Map.entry("hours", Duration.ofHours(1)),
            Map.entry("d", Duration.ofDays(1)), Map.entry("day", Duration.ofDays(1)));

    private Rates() {}

    /** @throws IllegalArgumentException saying what was expected, without echoing the input */
    public static Rate parse(String s) {
        if (s == null) throw new IllegalArgumentException(EXPECTED);
        Matcher m = FORM.matcher(s.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) throw new IllegalArgumentException(EXPECTED);
        int permits = Integer.parseInt(m.group(1));
        Duration per = UNITS.get(m.group(2));
        if (per == null) {
            try {
                per = Durations.parse(m.group(2));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(EXPECTED);
            }
        }
        if (permits <= 0 || per.isZero()) throw new IllegalArgumentException(EXPECTED + " (both sides above zero)");
        return new Rate(permits, per);
    }
}
