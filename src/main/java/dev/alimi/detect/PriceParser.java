package dev.alimi.detect;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a price as shops write it: {@code 15,900원}, {@code ₩15,900}, {@code €1.234,56},
 * {@code 43,90 €}, {@code $98.99}, {@code USD 1,299.00}, {@code ¥3,980}, {@code 48,00}, {@code 45000}.
 */
public final class PriceParser {

    /** Longer texts are not one price; only their start is read. */
    private static final int MAX_INPUT = 200;

    private static final Pattern NUMBER = Pattern.compile("\\d(?:[\\d.,'’\\u00A0\\u202F ]{0,30}\\d)?");
    private static final Pattern CODE = Pattern.compile(
            "(?<![A-Za-z])(KRW|EUR|USD|GBP|JPY|CNY|CAD|AUD|NZD|CHF|SEK|NOK|DKK|PLN|CZK|INR|HKD|SGD|TWD|MXN|BRL)(?![A-Za-z])",
            Pattern.CASE_INSENSITIVE);
    /** Currencies whose prices carry no minor unit: a lone {@code .} there groups thousands. */
    private static final Set<String> NO_MINOR_UNIT = Set.of("KRW", "JPY", "TWD");

    /** The price in {@code text}, or empty when it holds no number. */
    public Optional<Price> parse(String text) {
        if (text == null) return Optional.empty();
        String t = text.length() > MAX_INPUT ? text.substring(0, MAX_INPUT) : text;
        Matcher number = NUMBER.matcher(t);
        if (!number.find()) return Optional.empty();
        String currency = currency(t);
        boolean negative = number.start() > 0 && t.charAt(number.start() - 1) == '-';
        BigDecimal amount = amount(number.group(), currency);
        if (amount == null) return Optional.empty();
        return Optional.of(new Price(negative ? amount.negate() : amount, currency));
    }

    static String currency(String text) {
        Matcher code = CODE.matcher(text);
        if (code.find()) return code.group(1).toUpperCase(Locale.ROOT);
        if (text.contains("₩") || text.contains("원")) return "KRW";
        if (text.contains("€")) return "EUR";
        if (text.contains("£")) return "GBP";
        if (text.contains("CN¥") || text.contains("元") || text.contains("RMB")) return "CNY";
        if (text.contains("¥") || text.contains("円")) return "JPY";
        if (text.contains("C$")) return "CAD";
        if (text.contains("A$")) return "AUD";
        if (text.contains("$")) return "USD";
        return null;
    }

    private static BigDecimal amount(String raw, String currency) {
        String digits = raw.replaceAll("[\\s'’\\u00A0\\u202F]", "");
        int lastDot = digits.lastIndexOf('.');
        int lastComma = digits.lastIndexOf(',');
        String normalized;
        if (lastDot >= 0 && lastComma >= 0) {
            char decimal = lastDot > lastComma ? '.' : ',';
            char grouping = decimal == '.' ? ',' : '.';
            normalized = digits.replace(String.valueOf(grouping), "").replace(decimal, '.');
        } else if (lastComma >= 0 || lastDot >= 0) {
            char sep = lastComma >= 0 ? ',' : '.';
            int last = lastComma >= 0 ? lastComma : lastDot;
            boolean single = digits.indexOf(sep) == last;
            int after = digits.length() - last - 1;
            boolean decimal = single && (after != 3 || (sep == '.' && !NO_MINOR_UNIT.contains(currency)));
            normalized = decimal ? digits.replace(sep, '.') : digits.replace(String.valueOf(sep), "");
        } else {
            normalized = digits;
        }
        try {
            return new BigDecimal(normalized);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
