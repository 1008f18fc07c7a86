package dev.alimi.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations as written in the config: {@code 500ms}, {@code 2s}, {@code 1m}, {@code 1h}, {@code 1m30s}. */
public final class Durations {

    static final String EXPECTED = "expected a duration like 500ms, 2s or 1m";

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");
    private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:\\.\\d+)?(?:ms|s|m|h|d))+");

    private Durations() {}

    /** @throws IllegalArgumentException saying what was expected, without echoing the input */
    public static Duration parse(String s) {
        if (s == null) throw new IllegalArgumentException(EXPECTED);
        String t = s.strip().toLowerCase(Locale.ROOT);
        if (t.length() > 40 || !WHOLE.matcher(t).matches()) throw new IllegalArgumentException(EXPECTED);
        Matcher m = PART.matcher(t);
        BigDecimal nanos = BigDecimal.ZERO;
        while (m.find()) {
            BigDecimal unit = switch (m.group(2)) {
                case "ms" -> BigDecimal.valueOf(1_000_000L);
                case "s" -> BigDecimal.valueOf(1_000_000_000L);
                case "m" -> BigDecimal.valueOf(60_000_000_000L);
                case "h" -> BigDecimal.valueOf(3_600_000_000_000L);
                case "d" -> BigDecimal.valueOf(86_400_000_000_000L);
                default -> throw new IllegalArgumentException(EXPECTED);
            };
            nanos = nanos.add(new BigDecimal(m.group(1)).multiply(unit));
        }
        try {
            return Duration.ofNanos(nanos.toBigInteger().longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(EXPECTED + " (this one is too long)");
        }
    }
}
