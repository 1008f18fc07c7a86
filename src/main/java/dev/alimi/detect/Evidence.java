package dev.alimi.detect;

import java.util.List;

/** Short, human evidence strings: quoting, excerpts and the overall length cap. */
final class Evidence {

    /** Evidence longer than this is cut: it ends up in alerts, logs and the dashboard. */
    static final int MAX_LENGTH = 300;

    private static final int EXCERPT = 60;

    private Evidence() {}

    /** Cuts {@code text} to {@link #MAX_LENGTH} characters, marking the cut. */
    static String cap(String text) {
        return cut(text, MAX_LENGTH);
    }

    /** A quoted, shortened value for use inside evidence. */
    static String quote(Object value) {
        return "\"" + cut(String.valueOf(value), EXCERPT) + "\"";
    }

    /** The part of {@code text} around {@code from..to}, quoted, with ellipses where cut. */
    static String around(String text, int from, int to) {
        int room = Math.max(0, (EXCERPT - (to - from)) / 2);
        int start = Math.max(0, from - room);
        int end = Math.min(text.length(), to + room);
        String head = start > 0 ? "…" : "";
        String tail = end < text.length() ? "…" : "";
        return "\"" + head + cut(text.substring(start, end), EXCERPT) + tail + "\"";
    }

    static String join(List<String> parts) {
        return String.join("; ", parts);
    }

    private static String cut(String text, int max) {
        if (text.length() <= max) return text;
        return text.substring(0, max - 1) + "…";
    }
}
