package dev.alimi.fetch;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Collects a response body into bytes, one buffer list at a time, and gives up (cancelling the
 * exchange) as soon as more than {@code cap} bytes arrived, so a huge body never gets buffered.
 */
final class CappedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {

    /** Completes the body future when the cap is exceeded; carries no stack, it is an expected outcome. */
    static final class BodyTooLarge extends IOException {
        BodyTooLarge(long cap) {
            super("body over " + cap + " bytes", null);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    private final long cap;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
    private byte[] buffer = new byte[8192];
    private int size;

    CappedBodySubscriber(long cap) {
        this.cap = cap;
    }

    /** Largest array the JVM reliably allocates; a cap above it still stops here. */
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        if (!subscription.compareAndSet(null, s) || result.isDone()) {
            s.cancel();
            return;
        }
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) return;
        for (ByteBuffer item : items) {
            int n = item.remaining();
            if ((long) size + n > cap || (long) size + n > MAX_ARRAY) {
                fail(new BodyTooLarge(cap));
                return;
            }
            ensure(size + n);
            item.get(buffer, size, n);
            size += n;
        }
        subscription.get().request(1);
    }

    private void ensure(int needed) {
        if (needed <= buffer.length) return;
        long grown = Math.max((long) buffer.length * 2, needed);
        buffer = Arrays.copyOf(buffer, (int) Math.min(Math.min(grown, Math.max(cap, needed)), MAX_ARRAY));
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(Arrays.copyOf(buffer, size));
    }

    /** Stops reading: cancels the subscription (which closes the exchange) and fails the body. */
    void abort() {
        fail(new IOException("aborted"));
    }

    private void fail(IOException e) {
        result.completeExceptionally(e);
        Flow.Subscription s = subscription.get();
        if (s != null) s.cancel();
    }
}
