package dev.alimi.fetch;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/** Resolves a redirect's {@code Location} against the URL that answered it, tolerating unescaped text. */
final class Locations {

    private Locations() {}

    static URI resolve(URI base, String location) throws FetchFailure {
        String trimmed = location.strip();
        URI relative;
        try {
            relative = new URI(trimmed);
        } catch (URISyntaxException e) {
            try {
                // Shops send raw spaces and Hangul in Location; browsers percent-encode them.
                relative = new URI(escape(trimmed));
            } catch (URISyntaxException again) {
                throw new FetchFailure("bad redirect Location");
            }
        }
        return base.resolve(relative);
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c <= 0x20 || c >= 0x7F || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`'
                    || c == '{' || c == '|' || c == '}') {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }
}
