package dev.alimi.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A message to the operator (the {@code admin} channels) about Alimi itself, not about a product: an
 * incident that began, or its recovery.
 *
 * @param kind      what kind of trouble
 * @param subject   what it is about: a site, watch or channel name ({@code "config"} for reloads)
 * @param text      what happened, in words, raw (not escaped)
 * @param recovered true when this says the incident is over
 * @param at        when it was noticed; the notice's TTL is counted from here
 */
public record Notice(Kind kind, String subject, String text, boolean recovered, Instant at) {

    /** The kinds of trouble an operator hears about. */
    public enum Kind {
        LANE_RESTARTED("lane restarted"),
        SITE_BLOCKED("site blocked"),
        WATCH_FAILING("watch failing"),
        CHANNEL_FAILING("channel failing"),
        CONFIG_RELOAD_FAILED("config reload failed");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        /** "site blocked", "watch failing": the kind as people read it. */
        public String words() {
            return words;
        }
    }

    public Notice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
    }

    /** "⚠️ Alimi: site blocked: coupang" or "✅ Alimi: site blocked: coupang recovered"; raw text. */
    public String title() {
        String what = kind.words() + ": " + subject;
        return recovered ? "✅ Alimi: " + what + " recovered" : "⚠️ Alimi: " + what;
    }
}
