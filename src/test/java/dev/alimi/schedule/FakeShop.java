package dev.alimi.schedule;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A shop on loopback that records when each product request arrived (monotonic nanos), how many
 * it was serving at once, and answers with a fixed status after a fixed delay.
 */
final class FakeShop implements AutoCloseable {

    /** One product request as the shop saw it. */
    record Arrival(long nanos, String path) {}

    private static final String WARM_UP = "/warm-up";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Arrival> arrivals = new ArrayList<>();
    private final AtomicInteger serving = new AtomicInteger();
    private final AtomicInteger maxServing = new AtomicInteger();
    private final int status;
    private final Duration delay;

    FakeShop(int status, Duration delay) throws IOException {
        this.status = status;
        this.delay = delay;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long at = System.nanoTime();
        String path = exchange.getRequestURI().getPath();
        boolean counted = !path.equals(WARM_UP);
        if (counted) {
            synchronized (arrivals) {
                arrivals.add(new Arrival(at, path));
            }
        }
        maxServing.accumulateAndGet(serving.incrementAndGet(), Math::max);
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            if (counted && delay.isPositive()) Thread.sleep(delay);
            byte[] body = (status == 200 ? "<button class=buy>Add to cart</button>" : "upstream error")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            serving.decrementAndGet();
        }
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** A URL this shop answers without recording: for warming the client up. */
    URI warmUpUrl() {
        return url(WARM_UP);
    }

    List<Arrival> arrivals() {
        synchronized (arrivals) {
            return List.copyOf(arrivals);
        }
    }

    int arrivalCount() {
        synchronized (arrivals) {
            return arrivals.size();
        }
    }

    /** The most product requests the shop was serving at the same moment. */
    int maxServing() {
        return maxServing.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
