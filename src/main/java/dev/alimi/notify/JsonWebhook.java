package dev.alimi.notify;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * POSTs a JSON body to a webhook and sorts the answer into a {@link SendResult}: 429 into RetryAfter,
 * 5xx and network trouble into retryable failures, other 4xx into final failures. The response body read
 * is capped, and details never hold the endpoint or its tokens.
 */
final class JsonWebhook {

    /** Responses are a word or a small JSON object; more than this is not worth reading. */
    static final int MAX_RESPONSE_BYTES = 64 * 1024;
    private static final int EXCERPT_CHARS = 200;
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    /** A webhook's answer: status, headers and the (capped) body as text. */
    record Response(int status, HttpHeaders headers, String body) {}

    private final HttpClient http;
    private final Clock clock;
    private final Duration timeout;
    private final List<String> secrets;
    private final java.util.concurrent.atomic.AtomicReference<java.time.Instant> quietUntil =
            new java.util.concurrent.atomic.AtomicReference<>(java.time.Instant.MIN);

    JsonWebhook(ChannelContext context, List<String> secrets) {
        this.http = context.http();
        this.clock = context.clock();
        this.timeout = context.requestTimeout();
        this.secrets = secrets.stream().filter(s -> s != null && s.length() >= 3).toList();
    }

    /**
     * Sends the body; {@code onSuccess} reads a 2xx answer, {@code bodyRetryAfter} a 429 body without a
     * usable {@code Retry-After} header.
     */
    SendResult post(URI endpoint, Map<String, String> headers, String json, Function<Response, SendResult> onSuccess,
            Function<String, Optional<Duration>> bodyRetryAfter) {
        return send(endpoint, headers, json, onSuccess, response -> bodyRetryAfter.apply(response.body()));
    }

    /**
     * Sends the body; {@code onSuccess} reads a 2xx answer, {@code retryAfter} a 429 answer without a usable
     * {@code Retry-After} header (its body field or the service's own headers).
     */
    SendResult send(URI endpoint, Map<String, String> headers, String json, Function<Response, SendResult> onSuccess,
            Function<Response, Optional<Duration>> retryAfter) {
        return send("POST", endpoint, headers, json, onSuccess, retryAfter);
    }

    /** As {@link #send(URI, Map, String, Function, Function)} with another method ({@code PATCH} for edits). */
    SendResult send(String method, URI endpoint, Map<String, String> headers, String json,
            Function<Response, SendResult> onSuccess, Function<Response, Optional<Duration>> retryAfter) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if ("http".equalsIgnoreCase(endpoint.getScheme())) {
            // plain-text HTTP/2 means an h2c upgrade attempt per connection that self-hosted receivers ignore
            request.version(HttpClient.Version.HTTP_1_1);
        }
        headers.forEach(request::header);
        Response response;
        try {
            HttpResponse<InputStream> raw = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String body;
            try (InputStream in = raw.body()) {
                body = new String(readCapped(in), StandardCharsets.UTF_8);
            }
            response = new Response(raw.statusCode(), raw.headers(), body);
        } catch (TimeoutException e) {
            return new SendResult.Failed(true, "response body not complete within " + timeout.toMillis() + " ms");
        } catch (HttpTimeoutException e) {
            return new SendResult.Failed(true, "no response within " + timeout.toMillis() + " ms");
        } catch (ConnectException e) {
            return new SendResult.Failed(true, "could not connect to " + endpoint.getHost());
        } catch (IOException e) {
            return new SendResult.Failed(true, "I/O error (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult.Failed(false, "interrupted while sending");
        } catch (IllegalArgumentException e) {
            return new SendResult.Failed(false, "request refused by the HTTP client (bad header or URL)");
        }
        SendResult result = classify(response, onSuccess, retryAfter);
        noteQuiet(response.headers(), result);
        return result;
    }

    /** The latest time the receiver asked for quiet until, by a 429 or by its rate-limit headers, or MIN. */
    java.time.Instant quietUntil() {
        return quietUntil.get();
    }

    /**
     * Discord's {@code X-RateLimit-Remaining: 0} with {@code X-RateLimit-Reset-After}, Pushover's
     * {@code X-Limit-App-Remaining} at or below 0 with {@code X-Limit-App-Reset}, and any 429's delay.
     */
    private void noteQuiet(HttpHeaders headers, SendResult result) {
        java.time.Instant now = clock.instant();
        java.time.Instant until = java.time.Instant.MIN;
        if (result instanceof SendResult.RetryAfter r) {
            until = now.plus(r.delay());
        }
        if (headers.firstValue("X-RateLimit-Remaining").filter(v -> v.strip().equals("0")).isPresent()) {
            until = ChannelGate.max(until, headers.firstValue("X-RateLimit-Reset-After")
                    .flatMap(v -> RetryAfterHeader.parse(v, clock)).map(now::plus).orElse(java.time.Instant.MIN));
        }
        if (headers.firstValue("X-Limit-App-Remaining").filter(v -> v.strip().matches("-?[0-9]+"))
                .map(v -> Long.parseLong(v.strip()) <= 0).orElse(false)) {
            until = ChannelGate.max(until, headers.firstValue("X-Limit-App-Reset")
                    .filter(v -> v.strip().matches("[0-9]{1,12}"))
                    .map(v -> java.time.Instant.ofEpochSecond(Long.parseLong(v.strip())))
                    .orElse(java.time.Instant.MIN));
        }
        java.time.Instant u = until;
        quietUntil.accumulateAndGet(u, ChannelGate::max);
    }

    /** Opens a connection to the endpoint's host (HEAD on its root, answer ignored) within the timeout. */
    void warmUp(URI endpoint) {
        try {
            URI root = new URI(endpoint.getScheme(), endpoint.getRawAuthority(), "/", null, null);
            http.send(HttpRequest.newBuilder(root).timeout(timeout).method("HEAD", HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            // warming is a courtesy; the first alert connects anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Reads at most {@link #MAX_RESPONSE_BYTES} of the body within the request timeout. The client's timeout
     * ends when the headers arrive, so a receiver dripping its body would otherwise hold the delivery forever.
     */
    private byte[] readCapped(InputStream in) throws IOException, InterruptedException, TimeoutException {
        CompletableFuture<byte[]> bytes = new CompletableFuture<>();
        Thread.ofVirtual().name("alimi-webhook-body").start(() -> {
            try {
                bytes.complete(in.readNBytes(MAX_RESPONSE_BYTES));
            } catch (IOException | RuntimeException e) {
                bytes.completeExceptionally(e);
            }
        });
        try {
            return bytes.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            in.close();
            throw e;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException("reading the response failed");
        }
    }

    private SendResult classify(Response response, Function<Response, SendResult> onSuccess,
            Function<Response, Optional<Duration>> retryAfter) {
        int status = response.status();
        if (status >= 200 && status < 300) {
            return onSuccess.apply(response);
        }
        if (status == 429) {
            Duration delay = response.headers().firstValue("Retry-After")
                    .flatMap(v -> RetryAfterHeader.parse(v, clock))
                    .or(() -> retryAfter.apply(response))
                    .orElse(DEFAULT_RETRY_AFTER);
            return new SendResult.RetryAfter(delay, "HTTP 429 rate limited: " + excerpt(response.body()));
        }
        boolean retryable = status >= 500;
        return new SendResult.Failed(retryable, "HTTP " + status + ": " + excerpt(response.body()));
    }

    /** A short, single-line, secret-free piece of a response body for logs and details. */
    String excerpt(String body) {
        String text = mask(body == null ? "" : body).replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        if (text.isEmpty()) {
            return "(empty body)";
        }
        return text.length() <= EXCERPT_CHARS ? text : text.substring(0, EXCERPT_CHARS) + "…";
    }

    /** Replaces every secret in the text by {@code ***}, in case a receiver echoes the URL. */
    String mask(String text) {
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, "***");
        }
        return out;
    }
}
