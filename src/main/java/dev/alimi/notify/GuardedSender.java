package dev.alimi.notify;

import dev.alimi.model.Delivery;
import dev.alimi.model.Notice;
import dev.alimi.model.StockEvent;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one item (an alert, an edit, a notice) to one channel, behind that channel's pace, the quiet times its
 * receiver announced and its circuit breaker, retrying within the item's TTL. Shared by every delivery of a
 * {@link Dispatcher}, so the pace and the breaker hold across alerts.
 */
final class GuardedSender {

    /** A safety cap only; the TTL is what really bounds the retries. */
    static final int MAX_ATTEMPTS = 1_000;
    // the dispatcher's logger: operators filter delivery logs by that one name
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Map<String, Channel> channels;
    private final Map<String, ChannelGate> gates;
    private final Map<String, CircuitBreaker> breakers;
    private final Clock clock;
    private final Backoff backoff;
    private final Duration breakerOpen;
    private final Sleeper sleeper;

    GuardedSender(Map<String, Channel> channels, Clock clock, Backoff backoff, Duration breakerOpen) {
        this.channels = Map.copyOf(channels);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.backoff = backoff;
        this.breakerOpen = breakerOpen;
        this.sleeper = Sleeper.onClock(clock);
        Map<String, ChannelGate> g = new HashMap<>();
        Map<String, CircuitBreaker> b = new HashMap<>();
        this.channels.forEach((name, channel) -> {
            g.put(name, new ChannelGate(channel.pacing()));
            b.put(name, breaker(name));
        });
        this.gates = Map.copyOf(g);
        this.breakers = Map.copyOf(b);
    }

    private CircuitBreaker breaker(String name) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindow(6, 4, CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(75)
                .waitDurationInOpenState(breakerOpen)
                .permittedNumberOfCallsInHalfOpenState(1)
                .clock(clock)
                .build();
        CircuitBreaker breaker = CircuitBreaker.of(name, config);
        breaker.getEventPublisher().onStateTransition(e -> {
            switch (e.getStateTransition().getToState()) {
                case OPEN -> log.warn("channel {} keeps failing: holding its alerts for {} before trying again", name,
                        Dispatcher.human(breakerOpen));
                case CLOSED -> log.info("channel {} works again", name);
                default -> log.debug("channel {}: {}", name, e.getStateTransition());
            }
        });
        return breaker;
    }

    /** Whether a channel's breaker is open (it kept failing). */
    boolean failing(String channelName) {
        CircuitBreaker b = breakers.get(channelName);
        return b != null && b.getState() == CircuitBreaker.State.OPEN;
    }

    Delivery deliver(Item event, String name, Send op) {
        Channel channel = channels.get(name);
        if (channel == null) {
            return ended(event, name, Delivery.Outcome.FAILED, 0, null, "unknown channel '" + name + "'");
        }
        Instant deadline = event.detectedAt().plus(event.ttl());
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
            last = Retry.of(name, config).executeSupplier(
                    () -> attempt(name, channel, op, state, deadline));
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

    /**
     * One send, unless the alert has become too old: first the channel's pace and any announced quiet time,
     * then the breaker's permission. A send the breaker holds back is not an attempt; it waits and asks again.
     */
    private SendResult attempt(String name, Channel channel, Send op, Attempts state, Instant deadline) {
        if (state.count > 0 && clock.instant().isAfter(deadline)) {
            state.expired = true;
            return state.last;
        }
        ChannelGate gate = gates.get(name);
        CircuitBreaker breaker = breakers.get(name);
        if (!breaker.tryAcquirePermission()) {
            SendResult held = new SendResult.RetryAfter(holdWhileOpen(), "channel keeps failing; circuit open");
            if (state.last == null) {
                state.last = held;
            }
            return held;
        }
        Instant sendAt = gate.reserve(ChannelGate.max(clock.instant(), channel.quietUntil()));
        if (!waitUntil(sendAt, deadline) || !waitForQuiet(gate, channel, sendAt, deadline)) {
            breaker.releasePermission();
            state.expired = true;
            return state.last == null ? new SendResult.Failed(false, "expired") : state.last;
        }
        state.count++;
        long started = System.nanoTime();
        SendResult result;
        try {
            result = Objects.requireNonNull(op.apply(channel, deadline), "channel returned no result");
        } catch (RuntimeException e) {
            result = new SendResult.Failed(false, "channel error (" + e.getClass().getSimpleName() + ")");
        }
        long took = System.nanoTime() - started;
        switch (result) {
            case SendResult.Sent s -> breaker.onSuccess(took, TimeUnit.NANOSECONDS);
            case SendResult.RetryAfter r -> {
                gate.holdUntil(clock.instant().plus(r.delay()));
                breaker.releasePermission();
            }
            case SendResult.Failed f when f.retryable() -> breaker.onError(took, TimeUnit.NANOSECONDS,
                    new ChannelFailure(f.detail()));
            case SendResult.Failed f -> breaker.releasePermission();
        }
        state.last = result;
        return result;
    }

    /** While a breaker is open, a held alert asks again this often: a probe goes out soon after it half-opens. */
    private Duration holdWhileOpen() {
        Duration d = breakerOpen.dividedBy(4);
        return d.compareTo(Duration.ofMillis(20)) < 0 ? Duration.ofMillis(20) : d;
    }

    /** Waits until {@code at}; false (without waiting) when that is past the deadline. */
    private boolean waitUntil(Instant at, Instant deadline) {
        if (at.isAfter(deadline)) {
            return false;
        }
        sleeper.sleepUntil(at);
        return true;
    }

    /**
     * Another delivery's 429 may have announced quiet while this one waited for its slot. Waits again only
     * for a later time than already waited for, so a clock that does not move cannot keep it here.
     */
    private boolean waitForQuiet(ChannelGate gate, Channel channel, Instant waitedUntil, Instant deadline) {
        Instant waited = waitedUntil;
        while (true) {
            Instant quiet = ChannelGate.max(gate.notBefore(), channel.quietUntil());
            if (!quiet.isAfter(waited) || !quiet.isAfter(clock.instant())) {
                return true;
            }
            if (!waitUntil(quiet, deadline)) {
                return false;
            }
            waited = quiet;
        }
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

    private Delivery expired(Item event, String name, Attempts state) {
        log.warn("{} for {} to {} dropped: older than {}", event.what(), event.subject(), name, Dispatcher.human(event.ttl()));
        return ended(event, name, Delivery.Outcome.EXPIRED, state.count, null, "older than " + Dispatcher.human(event.ttl()));
    }

    Delivery ended(Item event, String name, Delivery.Outcome outcome, int attempts, String messageId,
            String detail) {
        Delivery d = new Delivery(name, event.subject(), outcome, event.detectedAt(), clock.instant(), attempts,
                messageId, detail);
        // DEBUG: the service logs one INFO summary per alert with every channel's latency
        log.debug("{} for {} to {}: {} after {} attempt(s), latency {} ms{}", event.what(), d.watch(), d.channel(),
                outcome,
                attempts, d.latency().toMillis(), detail == null ? "" : " (" + detail + ")");
        return d;
    }

    /** What is being delivered: an alert about a watch or a notice about a subject, and when it goes stale. */
    record Item(String what, String subject, Instant detectedAt, Duration ttl) {
        static Item of(StockEvent e, Duration ttl) {
            return new Item("alert", e.watch().name(), e.observation().observedAt(), ttl);
        }
        static Item of(Notice n, Duration ttl) {
            return new Item("notice", n.subject(), n.at(), ttl);
        }
    }

    /** One request of a delivery: a send or an edit, knowing when the alert expires. */
    interface Send {
        SendResult apply(Channel channel, Instant deadline);
    }

    /** What one delivery has done so far; touched only by its own thread. */
    private static final class Attempts {
        int count;
        boolean expired;
        SendResult last;
    }
}
