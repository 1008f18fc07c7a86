package dev.alimi.fetch;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/** Turns what the HTTP client threw into a short, specific reason without secrets. */
final class FailureReasons {

    private static final int MAX_DETAIL = 160;

    private FailureReasons() {}

    /**
     * @param target  {@code host:port} the request went to
     * @param proxy   the proxy used, or null for a direct connection
     */
    static FetchFailure of(Throwable thrown, String target, ProxyRoute proxy, Duration timeout, long maxBodyBytes) {
        Throwable t = unwrap(thrown);
        String via = proxy == null ? "" : " via proxy " + proxy.label();
        if (t instanceof FetchFailure f) return f;
        if (has(t, CappedBodySubscriber.BodyTooLarge.class)) return FetchFailure.bodyOver(maxBodyBytes);
        if (t instanceof HttpConnectTimeoutException) {
            return new FetchFailure("connect timed out after " + FetchFailure.human(timeout) + " to " + target + via);
        }
        if (t instanceof HttpTimeoutException) return FetchFailure.timedOut(timeout);
        if (has(t, UnresolvedAddressException.class) || has(t, UnknownHostException.class)) {
            return new FetchFailure("unknown host " + (proxy == null ? target : proxy.label()));
        }
        if (t instanceof NoRouteToHostException) return new FetchFailure("no route to " + target + via);
        if (t instanceof ConnectException) {
            return new FetchFailure(proxy == null
                    ? "connection refused by " + target
                    : "connection refused by proxy " + proxy.label());
        }
        if (t instanceof SSLHandshakeException) return new FetchFailure("TLS handshake failed with " + target + detail(t));
        if (t instanceof SSLException) return new FetchFailure("TLS error with " + target + detail(t));
        if (t instanceof EOFException) return new FetchFailure("connection closed early by " + target + via);
        if (t instanceof java.io.IOException) return new FetchFailure("I/O error with " + target + via + detail(t));
        return new FetchFailure("unexpected " + t.getClass().getSimpleName() + " with " + target + via + detail(t));
    }

    private static Throwable unwrap(Throwable t) {
        Throwable cur = t;
        while ((cur instanceof ExecutionException || cur instanceof CompletionException) && cur.getCause() != null) {
            cur = cur.getCause();
        }
        // The client wraps a connect failure in a ConnectException whose cause says more.
        if (cur instanceof ConnectException && cur.getCause() instanceof HttpConnectTimeoutException c) return c;
        return cur;
    }

    private static boolean has(Throwable t, Class<? extends Throwable> kind) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (kind.isInstance(c)) return true;
            if (c.getCause() == c) break;
        }
        return false;
    }

    private static String detail(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) return "";
        String clean = ProxyRoute.redact(m.replaceAll("\\s+", " ").strip());
        return ": " + (clean.length() > MAX_DETAIL ? clean.substring(0, MAX_DETAIL) + "…" : clean);
    }
}
