package dev.alimi.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/** A webhook receiver (answers 200 "ok", as Slack does) on loopback that notes when each POST arrived. */
final class Receiver implements AutoCloseable {

    private final HttpServer server;
    private final BlockingQueue<Instant> arrivals = new LinkedBlockingQueue<>();

    Receiver(Clock clock) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", ex -> {
            try (ex; InputStream in = ex.getRequestBody()) {
                in.readAllBytes();
                if (ex.getRequestMethod().equals("HEAD")) { // a connection warm-up, not an alert
                    ex.sendResponseHeaders(200, -1);
                    return;
                }
                arrivals.add(clock.instant());
                byte[] ok = "ok".getBytes();
                ex.sendResponseHeaders(200, ok.length);
                ex.getResponseBody().write(ok);
            }
        });
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    Instant poll() {
        return arrivals.poll();
    }

    Instant nextArrival() throws InterruptedException {
        return arrivals.take();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
