package dev.alimi.notify;

import dev.alimi.model.Delivery;
import dev.alimi.model.StockEvent;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one event to its channels, all in parallel on virtual threads. Each channel is retried (429 after
 * the delay asked, 5xx and timeouts with exponential backoff) until it accepts, refuses for good, or the
 * alert would become older than the TTL: an alert is never delivered late.
 */
public final class Dispatcher {

    /** A safety cap only; the TTL is what really bounds the retries. */
    static final int MAX_ATTEMPTS = 100;
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Map<String, Channel> channels;
    private final Clock clock;
    private final Duration ttl;
    private final Backoff backoff;

    /** Channels by name; {@code ttl} is counted from the observation that made the alert. */
    public Dispatcher(Map<String, Channel> channels, Clock clock, Duration ttl, Backoff backoff) {
        this.channels = Map.copyOf(channels);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.backoff = backoff == null ? Backoff.DEFAULT : backoff;
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("alert TTL must be positive, got " + ttl);
        }
    }

    /** Delivers to every named channel at once; returns when each has ended, in the order of the names. */
    public List<Delivery> dispatch(StockEvent event, Collection<String> channelNames) {
        List<String> names = List.copyOf(new LinkedHashSet<>(channelNames));
        List<Future<Delivery>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("alimi-notify-", 0).factory())) {
            for (String name : names) {
                futures.add(pool.submit(() -> deliver(event, name)));
            }
        }
        List<Delivery> deliveries = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            deliveries.add(result(futures.get(i), event, names.get(i)));
        }
        return deliveries;
    }

    private Delivery result(Future<Delivery> future, StockEvent event, String name) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ended(event, name, Delivery.Outcome.FAILED, 0, null, "interrupted");
        } catch (ExecutionException e) {
            return ended(event, name, Delivery.Outcome.FAILED, 0, null,
                    "delivery crashed (" + e.getCause().getClass().getSimpleName() + ")");
        }
    }

    private Delivery deliver(StockEvent event, String name) {
        Channel channel = channels.get(name);
        if (channel == null) {
            return ended(event, name, Delivery.Outcome.FAILED, 0, null, "unknown channel '" + name + "'");
        }
        Instant deadline = event.observation().observedAt().plus(ttl);
        Attempts state = new Attempts();
        if (clock.instant().isAfter(deadline)) {
            return expired(event, name, state);
        }
        RetryConfig config = RetryConfig.<SendResult>custom()
                .maxAttempts(MAX_ATTEMPTS)
                .retryOnResult(result -> shouldRetry(result, state, deadline))
                .retryOnException(e -> false)
                .intervalBiFunction((attempt, outcome) ->
                        outcome.isRight() ? waitAfter(outcome.get(), state.count).toMillis() : 0L)
                .failAfterMaxAttempts(false)
                .build();
        SendResult last;
        try {
            last = Retry.of(name, config).executeSupplier(() -> attempt(channel, event, state, deadline));
        } catch (RuntimeException e) {
            // resilience4j wraps an interrupted wait; nothing else escapes attempt()
            return ended(event, name, Delivery.Outcome.FAILED, state.count, null,
                    "stopped while waiting to retry (" + e.getClass().getSimpleName() + ")");
        }
        if (state.expired) {
            return expired(event, name, state);
        }
        String tries = state.count > 1 ? " (after " + state.count + " attempts)" : "";
        return switch (last) {
            case SendResult.Sent sent -> ended(event, name, Delivery.Outcome.SENT, state.count, sent.messageId(), null);
            case SendResult.RetryAfter r -> ended(event, name, Delivery.Outcome.FAILED, state.count, null,
                    "still rate limited" + tries + ": " + r.detail());
            case SendResult.Failed f -> ended(event, name, Delivery.Outcome.FAILED, state.count, null, f.detail() + tries);
        };
    }

    /** One send, unless the alert has become too old while the previous one ran. */
    private SendResult attempt(Channel channel, StockEvent event, Attempts state, Instant deadline) {
        if (state.count > 0 && clock.instant().isAfter(deadline)) {
            state.expired = true;
            return state.last;
        }
        state.count++;
        SendResult result;
        try {
            result = Objects.requireNonNull(channel.send(event, deadline), "channel returned no result");
        } catch (RuntimeException e) {
            result = new SendResult.Failed(false, "channel error (" + e.getClass().getSimpleName() + ")");
        }
        state.last = result;
        return result;
    }

    /** Retry 429 and retryable failures, unless the wait would carry the alert past its deadline. */
    private boolean shouldRetry(SendResult result, Attempts state, Instant deadline) {
        if (state.expired) {
            return false;
        }
        boolean retryable = switch (result) {
            case SendResult.Sent s -> false;
            case SendResult.RetryAfter r -> true;
            case SendResult.Failed f -> f.retryable();
        };
        if (!retryable) {
            return false;
        }
        if (clock.instant().plus(waitAfter(result, state.count)).isAfter(deadline)) {
            state.expired = true;
            return false;
        }
        return true;
    }

    private Duration waitAfter(SendResult result, int failures) {
        return switch (result) {
            case SendResult.RetryAfter r -> r.delay().isNegative() ? Duration.ZERO : r.delay();
            case SendResult.Failed f -> backoff.delay(failures);
            case SendResult.Sent s -> Duration.ZERO;
        };
    }

    private Delivery expired(StockEvent event, String name, Attempts state) {
        log.warn("alert for {} to {} dropped: older than {}", event.watch().name(), name, human(ttl));
        return ended(event, name, Delivery.Outcome.EXPIRED, state.count, null, "older than " + human(ttl));
    }

    private Delivery ended(StockEvent event, String name, Delivery.Outcome outcome, int attempts, String messageId,
            String detail) {
        Instant detected = event.observation().observedAt();
        Delivery d = new Delivery(name, event.watch().name(), outcome, detected, clock.instant(), attempts, messageId,
                detail);
        // DEBUG: the service logs one INFO summary per alert with every channel's latency
        log.debug("alert for {} to {}: {} after {} attempt(s), latency {} ms{}", d.watch(), d.channel(), outcome,
                attempts, d.latency().toMillis(), detail == null ? "" : " (" + detail + ")");
        return d;
    }

    /** "5m", "2s", "1500ms": the TTL as written in a config. */
    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1_000 == 0) {
            return ms / 1_000 + "s";
        }
        return ms + "ms";
    }

    /** What one delivery has done so far; touched only by its own thread. */
    private static final class Attempts {
        int count;
        boolean expired;
        SendResult last;
    }
}
