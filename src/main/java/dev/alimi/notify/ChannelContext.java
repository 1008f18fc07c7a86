package dev.alimi.notify;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * What channels share: the HTTP client, the console, the clock and the time allowed for one request.
 *
 * @param http           client for webhook requests (redirects should not be followed)
 * @param console        where the console channel prints
 * @param clock          the time source (Retry-After dates, timestamps in messages)
 * @param requestTimeout time allowed for one request until the response headers arrive
 */
public record ChannelContext(HttpClient http, PrintStream console, Clock clock, Duration requestTimeout) {

    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    public ChannelContext {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(console, "console");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive, got " + requestTimeout);
        }
    }

    /** A context with a fresh HTTP client that never follows redirects, printing to {@code System.out}. */
    public static ChannelContext standard(Clock clock) {
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        return new ChannelContext(http, System.out, clock, DEFAULT_REQUEST_TIMEOUT);
    }
}
