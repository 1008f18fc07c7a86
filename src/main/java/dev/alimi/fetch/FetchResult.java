package dev.alimi.fetch;

import dev.alimi.model.Page;
import java.time.Instant;

/** What one request produced: a page to detect on, or a failure that becomes an ERROR observation. */
public sealed interface FetchResult permits FetchResult.Fetched, FetchResult.Failed {

    /** A response arrived and its body was decoded (any status code, 5xx included). */
    record Fetched(Page page) implements FetchResult {}

    /** No usable response: timeout, refused connection, size cap, bad encoding, too many redirects. */
    record Failed(String reason, Instant at) implements FetchResult {}
}
