package dev.alimi.fetch;

import java.time.Duration;

/** A fetch that cannot produce a page, with the short reason that ends up in {@link FetchResult.Failed}. */
final class FetchFailure extends Exception {

    FetchFailure(String reason) {
        super(reason, null, false, false);
    }

    String reason() {
        return getMessage();
    }

    static FetchFailure timedOut(Duration timeout) {
        return new FetchFailure("timed out after " + human(timeout));
    }

    static FetchFailure bodyOver(long cap) {
        return new FetchFailure("body over " + human(cap));
    }

    static FetchFailure decodedOver(long cap) {
        return new FetchFailure("decoded body over " + human(cap));
    }

    /** {@code 2s}, {@code 300ms}, {@code 1m}: the way the config writes durations. */
    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms >= 60_000 && ms % 60_000 == 0) return ms / 60_000 + "m";
        if (ms >= 1000 && ms % 1000 == 0) return ms / 1000 + "s";
        return ms + "ms";
    }

    /** {@code 5 MB}, {@code 64 KB}, {@code 1000 bytes}. */
    static String human(long bytes) {
        final long mb = 1024L * 1024;
        if (bytes >= mb && bytes % mb == 0) return bytes / mb + " MB";
        if (bytes >= 1024 && bytes % 1024 == 0) return bytes / 1024 + " KB";
        return bytes + " bytes";
    }
}
