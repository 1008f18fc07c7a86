package dev.alimi.config;

import java.util.Collection;
import java.util.Optional;

/** Suggests the closest known name for a misspelt one (Levenshtein distance of at most 2). */
final class DidYouMean {

    private static final int MAX_DISTANCE = 2;

    private DidYouMean() {}

    static Optional<String> closest(String wrong, Collection<String> known) {
        String best = null;
        int bestDistance = MAX_DISTANCE + 1;
        for (String k : known) {
            int d = distance(wrong, k, bestDistance);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** ", did you mean `x`?" or "; expected one of: a, b" (or "" when nothing is known). */
    static String hint(String wrong, Collection<String> known) {
        Optional<String> c = closest(wrong, known);
        if (c.isPresent()) return "; did you mean `" + c.get() + "`?";
        if (known.isEmpty()) return "";
        return "; expected one of: " + String.join(", ", known);
    }

    /** Levenshtein distance, giving up (returning {@code limit}) once it cannot be below it. */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) >= limit) return limit;
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = Character.toLowerCase(a.charAt(i - 1)) == Character.toLowerCase(b.charAt(j - 1)) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin >= limit) return limit;
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[b.length()], limit);
    }
}
