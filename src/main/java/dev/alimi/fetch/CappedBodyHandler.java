package dev.alimi.fetch;

import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;

/** Hands each response a {@link CappedBodySubscriber} and keeps it, so a timed-out fetch can stop reading. */
final class CappedBodyHandler implements HttpResponse.BodyHandler<byte[]> {

    private final long cap;
    private final AtomicReference<CappedBodySubscriber> current = new AtomicReference<>();
    private volatile boolean aborted;

    CappedBodyHandler(long cap) {
        this.cap = cap;
    }

    @Override
    public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
        CappedBodySubscriber s = new CappedBodySubscriber(cap);
        current.set(s);
        if (aborted) s.abort();
        return s;
    }

    /** Stops the body being read now, or as soon as it starts. */
    void abort() {
        aborted = true;
        CappedBodySubscriber s = current.get();
        if (s != null) s.abort();
    }
}
