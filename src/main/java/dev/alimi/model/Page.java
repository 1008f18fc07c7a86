package dev.alimi.model;

import java.net.URI;
import java.time.Instant;

/**
 * A response as the detectors see it: decoded text, never bytes.
 *
 * @param url         the final URL after redirects
 * @param status      HTTP status code
 * @param contentType the Content-Type header, or null
 * @param body        the decoded body (possibly empty)
 * @param receivedAt  when the last byte arrived
 */
public record Page(URI url, int status, String contentType, String body, Instant receivedAt) {

    public boolean looksLikeJson() {
        if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("json")) return true;
        String t = body.stripLeading();
        return t.startsWith("{") || t.startsWith("[");
    }
}
