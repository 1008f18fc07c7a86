package dev.alimi.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A fake webhook receiver: a real HTTP server on 127.0.0.1 (random port) that records every request and
 * answers from a script of replies, falling back to the service's usual success reply.
 *
 * <p>Use: {@code try (var slack = new FakeSlack()) { slack.respondNext(429, Map.of("Retry-After", "1"), "");
 * … slack.awaitCount(2); slack.received() … }}. Subclasses give the service's default reply.
 */
public abstract class FakeReceiver implements AutoCloseable {

    /** How long {@link #awaitCount} and gated replies wait before giving up. */
    public static final Duration PATIENCE = Duration.ofSeconds(10);

    /**
     * One request as received: method, path, raw query (or ""), headers (lower-case names), body, and the
     * receiver's {@link System#nanoTime()} when it arrived.
     */
    public record Request(String method, String path, String query, Map<String, List<String>> headers, String body,
            long arrivedNanos) {

        /** The first value of a header, by case-insensitive name, or null. */
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /**
     * A scripted reply. {@code status} 0 means the default success reply; {@code delay} holds the response
     * back (slow receiver); {@code gate}, when set, is awaited first, and if it does not open within
     * {@link #PATIENCE} the reply becomes {@code 400 gate never opened}; {@code bodyStall} sends the headers
     * and the first byte of the body, then waits that long before the rest (dripping receiver).
     */
    public record Reply(int status, Map<String, String> headers, String body, Duration delay, CountDownLatch gate,
            Duration bodyStall) {

        public Reply {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
            body = body == null ? "" : body;
            delay = delay == null ? Duration.ZERO : delay;
            bodyStall = bodyStall == null ? Duration.ZERO : bodyStall;
        }

        public static Reply of(int status, Map<String, String> headers, String body) {
            return new Reply(status, headers, body, Duration.ZERO, null, Duration.ZERO);
        }

        /** The default success reply, sent only once {@code gate} opens. */
        public static Reply defaultAfter(CountDownLatch gate) {
            return new Reply(0, Map.of(), "", Duration.ZERO, gate, Duration.ZERO);
        }

        /** The default success reply, sent after {@code delay}. */
        public static Reply defaultAfter(Duration delay) {
            return new Reply(0, Map.of(), "", delay, null, Duration.ZERO);
        }

        /** Headers at once, then one byte of {@code body}, then nothing for {@code stall}, then the rest. */
        public static Reply stalledBody(int status, String body, Duration stall) {
            return new Reply(status, Map.of(), body, Duration.ZERO, null, stall);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Deque<Reply> script = new ArrayDeque<>();
    private final List<Request> received = new ArrayList<>();
    private final List<CountDownLatch> requestLatches = new ArrayList<>();
    private boolean down;
    private int dropped;

    protected FakeReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start fake receiver on 127.0.0.1", e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The service's usual answer to a request. */
    protected abstract Reply defaultReply(Request request);

    /** A channel spec whose channel sends to this receiver. */
    public abstract dev.alimi.model.ChannelSpec spec(String name);

    /** {@code http://127.0.0.1:PORT}, for a channel's {@code base-url}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Queues a reply for the next request that has none yet. */
    public void respondNext(int status, Map<String, String> headers, String body) {
        respondNext(Reply.of(status, headers, body));
    }

    /** Queues a reply (slow, gated, or plain) for the next request. */
    public synchronized void respondNext(Reply reply) {
        script.addLast(reply);
    }

    /** A latch that opens once this receiver has seen {@code n} more requests. */
    public synchronized CountDownLatch latchForRequests(int n) {
        CountDownLatch latch = new CountDownLatch(n);
        requestLatches.add(latch);
        return latch;
    }

    /** Every request so far, in arrival order. */
    public synchronized List<Request> received() {
        return List.copyOf(received);
    }

    /** The latest request; fails when there is none. */
    public synchronized Request last() {
        if (received.isEmpty()) {
            throw new AssertionError("no request received");
        }
        return received.get(received.size() - 1);
    }

    /** Waits (at most {@link #PATIENCE}) until {@code n} requests have arrived and returns them all. */
    public synchronized List<Request> awaitCount(int n) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        try {
            while (received.size() < n) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected " + n + " requests, got " + received.size());
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for requests", e);
        }
        return List.copyOf(received);
    }

    /** While down, every connection is closed without an answer and nothing is recorded: an outage. */
    public synchronized void setDown(boolean down) {
        this.down = down;
    }

    /** Waits (at most {@link #PATIENCE}) until {@code n} connections have been dropped while down. */
    public synchronized void awaitDropped(int n) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        try {
            while (dropped < n) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected " + n + " dropped requests, got " + dropped);
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for requests", e);
        }
    }

    private synchronized boolean dropIfDown() {
        if (down) {
            dropped++;
            notifyAll();
        }
        return down;
    }

    private void handle(HttpExchange exchange) throws IOException {
        if (dropIfDown()) {
            // no response at all: the server closes the connection, as a crashed receiver would
            throw new IOException("receiver is down");
        }
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            URI uri = exchange.getRequestURI();
            Request request = new Request(exchange.getRequestMethod(), uri.getRawPath(),
                    uri.getRawQuery() == null ? "" : uri.getRawQuery(), Map.copyOf(headers), body, System.nanoTime());
            Reply reply = record(request);
            reply = await(reply);
            Duration stall = reply.bodyStall();
            if (reply.status() == 0) {
                reply = defaultReply(request);
            }
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            boolean noBody = bytes.length == 0 || reply.status() == 204 || request.method().equals("HEAD");
            exchange.sendResponseHeaders(reply.status(), noBody ? -1 : bytes.length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    if (!stall.isZero()) {
                        out.write(bytes, 0, 1);
                        out.flush();
                        sleep(stall);
                        out.write(bytes, 1, bytes.length - 1);
                    } else {
                        out.write(bytes);
                    }
                }
            }
        } catch (IOException e) {
            // the client gave up (timeout test): nothing to answer
        }
    }

    private synchronized Reply record(Request request) {
        received.add(request);
        requestLatches.forEach(CountDownLatch::countDown);
        notifyAll();
        Reply next = script.pollFirst();
        return next != null ? next : Reply.of(0, Map.of(), "");
    }

    private static Reply await(Reply reply) {
        try {
            if (reply.gate() != null && !reply.gate().await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                return Reply.of(400, Map.of(), "gate never opened");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sleep(reply.delay());
        return reply;
    }

    private static void sleep(Duration d) {
        try {
            if (!d.isZero()) {
                Thread.sleep(d);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
