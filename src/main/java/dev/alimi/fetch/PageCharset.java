package dev.alimi.fetch;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the charset of a body the way browsers do, in short: byte order mark, then the
 * Content-Type {@code charset}, then a {@code <meta>} declaration near the top, else UTF-8.
 * Decoding replaces malformed bytes; it never fails.
 */
final class PageCharset {

    /** How far into the body a {@code <meta>} charset declaration is looked for. */
    static final int SNIFF_BYTES = 4096;

    private static final Pattern CHARSET_PARAM =
            Pattern.compile("(?i)charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:+\\-]+)");
    private static final Pattern META_TAG = Pattern.compile("(?is)<meta\\b[^>]*>");

    /**
     * Labels whose browser meaning is a superset of Java's charset of the same name: Korean shops
     * labelled "euc-kr" really serve windows-949 (extended Hangul), and "iso-8859-1" means windows-1252.
     */
    private static final Map<String, String> SUPERSETS = Map.of(
            "euc-kr", "x-windows-949",
            "ks_c_5601-1987", "x-windows-949",
            "korean", "x-windows-949",
            "iso-8859-1", "windows-1252",
            "latin1", "windows-1252",
            "us-ascii", "windows-1252",
            "gb2312", "GBK");

    private PageCharset() {}

    /** The text of {@code body}, decoded with the charset the response declares. */
    static String decode(byte[] body, String contentType) {
        Bom bom = Bom.of(body);
        if (bom != null) {
            return new String(body, bom.length, body.length - bom.length, bom.charset);
        }
        return new String(body, detect(body, contentType));
    }

    /** The declared charset, without looking at a byte order mark. */
    static Charset detect(byte[] body, String contentType) {
        return fromContentType(contentType)
                .or(() -> fromMeta(body))
                .orElse(StandardCharsets.UTF_8);
    }

    static Optional<Charset> fromContentType(String contentType) {
        if (contentType == null) return Optional.empty();
        Matcher m = CHARSET_PARAM.matcher(contentType);
        return m.find() ? lookup(m.group(1)) : Optional.empty();
    }

    static Optional<Charset> fromMeta(byte[] body) {
        // ISO-8859-1 maps bytes 1:1, so ASCII markup is found whatever the real charset.
        String head = new String(body, 0, Math.min(body.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
        Matcher tags = META_TAG.matcher(head);
        while (tags.find()) {
            Matcher m = CHARSET_PARAM.matcher(tags.group());
            if (m.find()) {
                Optional<Charset> found = lookup(m.group(1));
                if (found.isPresent()) return found;
            }
        }
        return Optional.empty();
    }

    /** A charset by its label; an unknown label is empty (the caller falls back to UTF-8). */
    static Optional<Charset> lookup(String label) {
        String key = label.trim().toLowerCase(Locale.ROOT);
        String name = SUPERSETS.getOrDefault(key, key);
        try {
            if (Charset.isSupported(name)) return Optional.of(Charset.forName(name));
            if (!name.equals(key) && Charset.isSupported(key)) return Optional.of(Charset.forName(key));
        } catch (IllegalArgumentException e) {
            // an illegal charset name is just an unknown one
        }
        return Optional.empty();
    }

    private record Bom(Charset charset, int length) {
        static Bom of(byte[] b) {
            if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
                return new Bom(StandardCharsets.UTF_8, 3);
            }
            if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) return new Bom(StandardCharsets.UTF_16BE, 2);
            if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) return new Bom(StandardCharsets.UTF_16LE, 2);
            return null;
        }
    }
}
