package dev.alimi.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small shop on a loopback port whose products go in and out of stock: the demo's target and the
 * end-to-end tests' fake shop. It serves each product as an HTML page, a JSON API and a GraphQL
 * endpoint, plus pages that must never read as in stock (captcha, login, server error).
 */
public final class DemoShop implements AutoCloseable {

    /** A product of the demo shop. */
    public record Product(String id, String name, long price) {}

    public static final List<Product> PRODUCTS = List.of(
            new Product("kf94-50", "KF94 mask, 50-pack", 15900),
            new Product("kf94-100", "KF94 mask, 100-pack", 29900),
            new Product("hand-gel", "Hand sanitizer 500 ml", 4900));

    private final HttpServer server;
    private final Map<String, Long> stock = new ConcurrentHashMap<>();
    private final Map<String, Long> prices = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> hits = new ConcurrentHashMap<>();
    private volatile Thread flipper;

    private DemoShop(HttpServer server) {
        this.server = server;
        PRODUCTS.forEach(p -> {
            stock.put(p.id(), 0L);
            prices.put(p.id(), p.price());
        });
    }

    /** Starts the shop on 127.0.0.1 at {@code port} (0 picks a free port); every product starts sold out. */
    public static DemoShop start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        DemoShop shop = new DemoShop(server);
        server.createContext("/", shop::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return shop;
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public URI pageUrl(String productId) {
        return baseUrl().resolve("/products/" + productId);
    }

    public URI apiUrl(String productId) {
        return baseUrl().resolve("/api/products/" + productId);
    }

    public URI graphqlUrl() {
        return baseUrl().resolve("/graphql");
    }

    /** Sets a product's units in stock (0 = sold out). */
    public void setStock(String productId, long units) {
        if (!stock.containsKey(productId)) throw new IllegalArgumentException("no product " + productId);
        stock.put(productId, units);
    }

    /** Sets a product's price (it starts at its list price), for price changes during an episode. */
    public void setPrice(String productId, long price) {
        if (!prices.containsKey(productId)) throw new IllegalArgumentException("no product " + productId);
        prices.put(productId, price);
    }

    /** How many requests a path has seen. */
    public long hits(String path) {
        AtomicLong n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    /**
     * Flips products in and out of stock on a background thread: product i is buyable for a few
     * seconds out of every {@code period * (i + 1)}, so alerts and sell-outs keep coming.
     */
    public void startFlipping(Duration period) {
        Thread t = Thread.ofVirtual().name("demo-shop-flipper").start(() -> {
            long tick = 0;
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    for (int i = 0; i < PRODUCTS.size(); i++) {
                        long cycle = i + 2L;
                        boolean buyable = tick % cycle == cycle - 1;
                        setStock(PRODUCTS.get(i).id(), buyable ? 3L + 7L * i + tick % 5 : 0L);
                    }
                    tick++;
                    Thread.sleep(period);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        flipper = t;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            hits.computeIfAbsent(path, k -> new AtomicLong()).incrementAndGet();
            try (InputStream in = ex.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                route(ex, path, body);
            }
        }
    }

    private void route(HttpExchange ex, String path, String requestBody) throws IOException {
        if (path.startsWith("/products/")) {
            Product p = product(path.substring("/products/".length()));
            if (p == null) { send(ex, 404, "text/html", "<h1>Not found</h1>"); return; }
            send(ex, 200, "text/html; charset=utf-8", productPage(p, stock.get(p.id()), prices.get(p.id())));
        } else if (path.startsWith("/api/products/")) {
            Product p = product(path.substring("/api/products/".length()));
            if (p == null) { send(ex, 404, "application/json", "{\"error\":\"not found\"}"); return; }
            send(ex, 200, "application/json", productJson(p, stock.get(p.id()), prices.get(p.id())));
        } else if (path.equals("/graphql") && ex.getRequestMethod().equals("POST")) {
            Product p = PRODUCTS.stream().filter(x -> requestBody.contains("\"" + x.id() + "\"")).findFirst().orElse(null);
            if (p == null) { send(ex, 200, "application/json", "{\"errors\":[{\"message\":\"unknown product\"}]}"); return; }
            send(ex, 200, "application/json", "{\"data\":{\"product\":" + productJson(p, stock.get(p.id()), prices.get(p.id())) + "}}");
        } else if (path.equals("/captcha")) {
            send(ex, 200, "text/html", """
                    <html><head><title>Just a moment...</title></head><body>
                    <h1>Checking your browser</h1><div class="g-recaptcha" data-sitekey="x"></div>
                    <p>Add to cart</p></body></html>""");
        } else if (path.equals("/login")) {
            send(ex, 200, "text/html", """
                    <html><head><title>Sign in</title></head><body><form action="/login" method="post">
                    <input name="id"><input type="password" name="pw"><button class="buy">Add to cart</button>
                    </form></body></html>""");
        } else if (path.equals("/error")) {
            send(ex, 500, "text/html", "<h1>Internal Server Error</h1><button class=\"buy\">Add to cart</button>");
        } else if (path.equals("/")) {
            StringBuilder sb = new StringBuilder("<html><body><h1>Alimi demo shop</h1><ul>");
            for (Product p : PRODUCTS) sb.append("<li><a href=\"/products/").append(p.id()).append("\">").append(p.name()).append("</a></li>");
            send(ex, 200, "text/html; charset=utf-8", sb.append("</ul></body></html>").toString());
        } else {
            send(ex, 404, "text/html", "<h1>Not found</h1>");
        }
    }

    private static Product product(String id) {
        return PRODUCTS.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
    }

    private static String productPage(Product p, long units, long price) {
        String buy = units > 0
                ? "<p class=\"stock\">Only " + units + " left</p><button class=\"buy\">Add to cart</button>"
                : "<button class=\"buy\" disabled>Sold out</button>";
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + p.name() + "</title></head><body>"
                + "<h1 class=\"name\">" + p.name() + "</h1><p class=\"price\">" + String.format("%,d", price) + "원</p>"
                + buy + "<script>var labels={soldOut:'Sold out'};</script></body></html>";
    }

    private static String productJson(Product p, long units, long price) {
        return "{\"id\":\"" + p.id() + "\",\"name\":\"" + p.name() + "\",\"status\":\""
                + (units > 0 ? "SALE" : "OUTOFSTOCK") + "\",\"stockQuantity\":" + units + ",\"price\":" + price + "}";
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        Thread t = flipper;
        if (t != null) t.interrupt();
        server.stop(0);
    }
}
