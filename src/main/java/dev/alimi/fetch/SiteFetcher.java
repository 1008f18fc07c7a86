package dev.alimi.fetch;

import dev.alimi.model.Page;
import dev.alimi.model.RequestSpec;
import dev.alimi.model.Site;
import dev.alimi.model.Watch;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches pages for the watches of one site, with the site's clients (one per proxy), headers,
 * timeout (connect to last body byte), redirect limit and size caps.
 */
public final class SiteFetcher implements AutoCloseable {

    /** Redirects followed before giving up. */
    public static final int MAX_REDIRECTS = 5;

    private static final Logger log = LoggerFactory.getLogger(SiteFetcher.class);

    /** A client, the proxy it goes through (null: direct) and what answers that proxy's challenges (or null). */
    private record Route(HttpClient client, ProxyRoute proxy, ProxyAuthenticator authenticator) {}

    private final Site site;
    private final Clock clock;
    private final List<Route> routes;
    private final AtomicInteger nextRoute = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Semaphore slots;
    /**
     * The clients' own executor. Left to its default, the JDK client completes some stages on the
     * common ForkJoinPool, which has a single thread on a 2-core box: anything else blocking that
     * thread would stall every fetch until it timed out.
     */
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    /**
     * @throws IllegalArgumentException when a proxy URI is not a usable {@code http://} proxy
     */
    public SiteFetcher(Site site, Clock clock) {
        this.site = Objects.requireNonNull(site, "site");
        this.clock = Objects.requireNonNull(clock, "clock");
        List<ProxyRoute> proxies = site.proxies().stream().map(ProxyRoute::of).toList();
        List<Route> built = new ArrayList<>();
        if (proxies.isEmpty()) {
            built.add(new Route(client(null, null), null, null));
        } else {
            // HttpClient fixes its proxy at build time, so rotating proxies means one client each.
            for (ProxyRoute p : proxies) {
                ProxyAuthenticator auth = p.authenticator();
                built.add(new Route(client(p, auth), p, auth));
            }
        }
        this.routes = List.copyOf(built);
        if (proxies.stream().anyMatch(p -> p.credentials() != null) && !ProxyTunnelling.basicAllowed()) {
            log.warn("site {}: a proxy has a password but this JVM sends none on CONNECT ({} is not empty):"
                    + " https pages through it will fail with 407", site.name(), ProxyTunnelling.DISABLED_SCHEMES);
        }
        this.slots = new Semaphore(Math.max(1, site.maxInFlight()));
    }

    /** A client going direct ({@code proxy} null) or through {@code proxy}, answering its challenges with {@code auth}. */
    private HttpClient client(ProxyRoute proxy, ProxyAuthenticator auth) {
        HttpClient.Builder b = HttpClient.newBuilder()
                .executor(executor)
                .version(HttpClient.Version.HTTP_2)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(site.timeout())
                .proxy(proxy == null ? HttpClient.Builder.NO_PROXY : ProxySelector.of(proxy.address()));
        // https goes through a CONNECT tunnel, which never carries our Proxy-Authorization header: the
        // client answers the proxy's 407 through the authenticator (see ProxyTunnelling).
        if (auth != null) b.authenticator(auth);
        return b.build();
    }

    /**
     * One request for one watch, redirects included; never throws. At most {@code site.maxInFlight()}
     * run at once; waiting for a free slot counts against the site's timeout.
     */
    public FetchResult fetch(Watch watch) {
        if (closed.get()) return new FetchResult.Failed("fetcher closed", clock.instant());
        // Monotonic, not the injected clock: the bound is on real socket waiting, which a test clock cannot speed up.
        long deadline = System.nanoTime() + site.timeout().toNanos();
        try {
            acquireSlot(deadline);
            try {
                Route route = routes.get(Math.floorMod(nextRoute.getAndIncrement(), routes.size()));
                return new FetchResult.Fetched(fetch(watch, route, deadline));
            } finally {
                slots.release();
            }
        } catch (FetchFailure f) {
            return new FetchResult.Failed(ProxyRoute.redact(f.reason()), clock.instant());
        } catch (RuntimeException e) {
            log.warn("unexpected failure fetching watch {} of site {}", watch.name(), site.name(), e);
            return new FetchResult.Failed("unexpected " + e.getClass().getSimpleName(), clock.instant());
        }
    }

    private void acquireSlot(long deadline) throws FetchFailure {
        try {
            if (!slots.tryAcquire(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                throw new FetchFailure("timed out after " + FetchFailure.human(site.timeout()) + " waiting for one of "
                        + Math.max(1, site.maxInFlight()) + " request slots");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchFailure("interrupted");
        }
    }

    private Page fetch(Watch watch, Route route, long deadline) throws FetchFailure {
        URI uri = watch.url();
        if (uri == null) throw new FetchFailure("watch has no URL");
        checkScheme(uri);
        RequestSpec spec = watch.request();
        String method = spec.method() == null ? "GET" : spec.method().toUpperCase(Locale.ROOT);
        String body = spec.body();
        Map<String, String> headers = RequestHeaders.of(site, spec);
        for (int redirects = 0; ; redirects++) {
            HttpResponse<byte[]> response;
            try {
                response = exchange(route, uri, method, body, headers, deadline);
            } catch (LoginChallenge c) {
                // The shop's 401 itself is gone; its status is what triage needs to call it BLOCKED.
                return new Page(uri, 401, null, "", clock.instant());
            }
            int status = response.statusCode();
            String location = response.headers().firstValue("Location").orElse(null);
            if (!isRedirect(status) || location == null) return page(response);
            if (redirects == MAX_REDIRECTS) throw new FetchFailure("more than " + MAX_REDIRECTS + " redirects");
            URI next = Locations.resolve(uri, location);
            checkScheme(next);
            if (status == 303 && !method.equals("HEAD") || (status == 301 || status == 302) && method.equals("POST")) {
                method = "GET";
                body = null;
                headers = RequestHeaders.withoutBody(headers);
            }
            // Cookies are scoped by host, not scheme: http -> https on the same host keeps them.
            if (!uri.getHost().equalsIgnoreCase(next.getHost())) headers = RequestHeaders.forOtherHost(headers);
            uri = next;
        }
    }

    /**
     * A shop answered 401 with a challenge through a client whose authenticator answers only its proxy: the JDK
     * then throws "No credentials provided" instead of returning the response.
     */
    private static final class LoginChallenge extends Exception {
        LoginChallenge() {
            super("the shop asks for a login", null, false, false);
        }
    }

    private static final String UNANSWERED_CHALLENGE = "No credentials provided";

    private HttpResponse<byte[]> exchange(Route route, URI uri, String method, String body,
                                          Map<String, String> headers, long deadline) throws FetchFailure, LoginChallenge {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) throw FetchFailure.timedOut(site.timeout());
        HttpRequest request = request(route, uri, method, body, headers, Duration.ofNanos(remaining));
        CappedBodyHandler handler = new CappedBodyHandler(site.maxBodyBytes());
        // The deadline covers the whole body: HttpRequest.timeout alone stops at the headers. A
        // synchronous send (on this, usually virtual, thread) plus a watchdog that aborts the body,
        // because sendAsync completes its future on the common ForkJoinPool: one thread on a 2-core
        // box, and anything else blocking it would stall every fetch until it timed out.
        AtomicBoolean timedOut = new AtomicBoolean();
        CompletableFuture<Void> watchdog = CompletableFuture.runAsync(() -> {
            timedOut.set(true);
            handler.abort();
        }, CompletableFuture.delayedExecutor(remaining, TimeUnit.NANOSECONDS, executor));
        long challengesBefore = route.authenticator() == null ? 0 : route.authenticator().challenges();
        try {
            HttpResponse<byte[]> response = route.client().send(request, handler);
            if (response.statusCode() == 407 && route.proxy() != null) {
                throw new FetchFailure("proxy authentication required by " + route.proxy().label());
            }
            return response;
        } catch (InterruptedException e) {
            handler.abort();
            Thread.currentThread().interrupt();
            throw new FetchFailure("interrupted");
        } catch (IOException | RuntimeException e) {
            if (timedOut.get()) throw FetchFailure.timedOut(site.timeout());
            if (route.authenticator() != null && e instanceof IOException && UNANSWERED_CHALLENGE.equals(e.getMessage())) {
                throw new LoginChallenge();
            }
            if (route.authenticator() != null && route.authenticator().challenges() - challengesBefore >= 2) {
                throw new FetchFailure("proxy authentication failed at " + route.proxy().label() + " (wrong user or password?)");
            }
            throw FailureReasons.of(e, target(uri), route.proxy(), site.timeout(), site.maxBodyBytes());
        } finally {
            watchdog.cancel(false);
        }
    }

    private HttpRequest request(Route route, URI uri, String method, String body, Map<String, String> headers,
                                Duration timeout) throws FetchFailure {
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(uri).timeout(timeout);
        } catch (IllegalArgumentException e) {
            throw new FetchFailure("bad URL " + ProxyRoute.redact(uri.toString()));
        }
        if (uri.getScheme().equalsIgnoreCase("http")) {
            // Plain-text HTTP/2 needs an h2c upgrade that shops and proxies rarely support.
            b.version(HttpClient.Version.HTTP_1_1);
        }
        try {
            b.method(method, body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
        } catch (IllegalArgumentException e) {
            throw new FetchFailure("bad HTTP method '" + method + "'");
        }
        headers.forEach((name, value) -> {
            try {
                b.header(name, value);
            } catch (IllegalArgumentException e) {
                // Host, Connection, Content-Length... are the client's to set; a config naming them must not break checks.
                log.debug("site {}: header {} skipped (restricted or invalid)", site.name(), name);
            }
        });
        if (route.proxy() != null && route.proxy().authorization() != null && uri.getScheme().equalsIgnoreCase("http")) {
            // Sent up front for plain http (no 407 round trip). For https the CONNECT needs the authenticator: the
            // JDK keeps Proxy-* headers of ours out of the tunnel and off the CONNECT alike.
            b.header("Proxy-Authorization", route.proxy().authorization());
        }
        return b.build();
    }

    private Page page(HttpResponse<byte[]> response) throws FetchFailure {
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        List<String> encodings = response.headers().allValues("Content-Encoding");
        String encoding = encodings.isEmpty() ? null : String.join(",", encodings);
        byte[] decoded = new ContentDecoder(site.maxDecodedBytes()).decode(response.body(), encoding);
        String text = PageCharset.decode(decoded, contentType);
        return new Page(response.uri(), response.statusCode(), contentType, text, clock.instant());
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static void checkScheme(URI uri) throws FetchFailure {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchFailure("unsupported URL scheme '" + scheme + "' (http or https only)");
        }
        if (uri.getHost() == null) throw new FetchFailure("URL without host: " + ProxyRoute.redact(uri.toString()));
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) return uri.getPort();
        return uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    private static String target(URI uri) {
        return uri.getHost() + ":" + port(uri);
    }

    /** Closes every client; a fetch still running ends as Failed. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        for (Route r : routes) r.client().shutdownNow();
        executor.shutdownNow();
    }
}
