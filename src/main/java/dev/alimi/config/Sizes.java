package dev.alimi.config;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses byte sizes as written in the config: {@code 512KB}, {@code 5MB}, {@code 1GB} (binary multiples). */
final class Sizes {

    static final String EXPECTED = "expected a size like 512KB or 5MB";

    private static final Pattern FORM = Pattern.compile("(\\d{1,12}(?:\\.\\d{1,6})?)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?");

    private Sizes() {}

    static long parse(String s) {
        if (s == null) throw new IllegalArgumentException(EXPECTED);
        Matcher m = FORM.matcher(s.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) throw new IllegalArgumentException(EXPECTED);
        String unit = m.group(2) == null ? "b" : m.group(2);
        long factor = switch (unit.charAt(0)) {
            case 'k' -> 1024L;
            case 'm' -> 1024L * 1024;
            case 'g' -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        try {
            long bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(factor)).toBigInteger().longValueExact();
            if (bytes <= 0) throw new IllegalArgumentException(EXPECTED + " (above zero)");
            return bytes;
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(EXPECTED);
        }
    }
}
