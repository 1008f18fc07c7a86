package dev.alimi.notify;

import java.util.regex.Pattern;

/** Escaping of user text (product and shop names) for each service's markup. */
final class TextEscape {

    private static final Pattern MARKDOWN = Pattern.compile("([\\\\*_~`|<>&#\\-\\[\\]()!+=.{}])");
    private static final Pattern MASS_MENTION = Pattern.compile("@(everyone|here|channel)");

    private TextEscape() {}

    /** HTML text and attribute values: {@code & < > "}. */
    static String html(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** CommonMark-style markdown: a backslash before every punctuation mark that could start markup. */
    static String markdown(String text) {
        return text == null ? "" : MARKDOWN.matcher(text).replaceAll("\\\\$1");
    }

    /** Breaks {@code @everyone}, {@code @here} and {@code @channel} with a zero-width space. */
    static String noMassMention(String text) {
        return text == null ? "" : MASS_MENTION.matcher(text).replaceAll("@\u200B$1");
    }
}
