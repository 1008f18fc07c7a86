package dev.alimi.notify;

import dev.alimi.model.Delivery;
import dev.alimi.model.Notice;
import dev.alimi.model.StockEvent;
import java.time.Clock;
import java.time.Duration;
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
 * Sends one event (or operator notice) to its channels, all in parallel on virtual threads. Each channel is retried (429 after
 * the delay asked, 5xx and timeouts with exponential backoff) until it accepts, refuses for good, or the
 * alert would become older than the TTL: an alert is never delivered late.
 *
 * <p>Per channel, across all alerts: sends are paced to the service's documented rate ({@link Channel#pacing}),
 * nothing goes out before a time a receiver announced (429 delays, rate-limit headers), and a circuit breaker
 * stops hammering a receiver that keeps failing: while it is open, alerts wait (within their TTL) and one
 * probe at a time finds out whether the receiver is back ({@link GuardedSender}).
 */
public final class Dispatcher implements AutoCloseable {

    /** How long a channel's breaker stays open before one probe may go out. */
    public static final Duration DEFAULT_BREAKER_OPEN = Duration.ofSeconds(10);
    /** An operator notice is still worth reading an hour later, unlike a restock alert. */
    public static final Duration DEFAULT_NOTICE_TTL = Duration.ofHours(1);
    /** The most a change update ("price now …") is worth delivering after its check. */
    public static final Duration CHANGE_TTL = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Map<String, Channel> channels;
    private final GuardedSender sender;
    private final Duration ttl;
    private final Duration noticeTtl;

    /** Channels by name; {@code ttl} is counted from the observation that made the alert. */
    public Dispatcher(Map<String, Channel> channels, Clock clock, Duration ttl, Backoff backoff) {
        this(channels, clock, ttl, backoff, DEFAULT_BREAKER_OPEN);
    }

    /** As above, with the time a channel's circuit breaker stays open after repeated failures. */
    public Dispatcher(Map<String, Channel> channels, Clock clock, Duration ttl, Backoff backoff,
            Duration breakerOpen) {
        this(channels, clock, ttl, backoff, breakerOpen, DEFAULT_NOTICE_TTL);
    }

    /** As above, with the TTL of operator notices ({@link #notice}), counted from {@link Notice#at()}. */
    public Dispatcher(Map<String, Channel> channels, Clock clock, Duration ttl, Backoff backoff,
            Duration breakerOpen, Duration noticeTtl) {
        this.noticeTtl = Objects.requireNonNull(noticeTtl, "noticeTtl");
        if (noticeTtl.isNegative() || noticeTtl.isZero()) {
            throw new IllegalArgumentException("notice TTL must be positive, got " + noticeTtl);
        }
        this.channels = Map.copyOf(channels);
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(breakerOpen, "breakerOpen");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("alert TTL must be positive, got " + ttl);
        }
        if (breakerOpen.isNegative() || breakerOpen.isZero()) {
            throw new IllegalArgumentException("breaker open time must be positive, got " + breakerOpen);
        }
        this.sender = new GuardedSender(this.channels, clock, backoff == null ? Backoff.DEFAULT : backoff, breakerOpen);
    }

    /** Opens every channel's connection in parallel, so the first alert does not pay a handshake. */
    public void warmUp() {
        try (ExecutorService pool = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("alimi-warmup-", 0).factory())) {
            channels.values().forEach(c -> pool.submit(c::warmUp));
        }
    }

    /** Closes the connections channels hold open (SMTP, MQTT); HTTP connections belong to the shared client. */
    @Override
    public void close() {
        for (Channel c : channels.values()) {
            if (c instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    log.debug("closing channel {} failed ({})", c.name(), e.getClass().getSimpleName());
                }
            }
        }
    }

    /** Whether a channel's breaker is open (it kept failing), for status pages and admin alerts. */
    public boolean failing(String channelName) {
        return sender.failing(channelName);
    }

    /** Whether the named channel can edit what it sent (false for a channel this dispatcher does not have). */
    public boolean canEdit(String channelName) {
        Channel c = channels.get(channelName);
        return c != null && c.canEdit();
    }

    /** Delivers to every named channel at once; returns when each has ended, in the order of the names. */
    public List<Delivery> dispatch(StockEvent event, Collection<String> channelNames) {
        List<String> names = List.copyOf(new LinkedHashSet<>(channelNames));
        return run(GuardedSender.Item.of(event, ttlOf(event)), names, name -> (channel, deadline) -> channel.send(event, deadline));
    }

    /**
     * Sends an operator notice to every named channel at once (the {@code admin} channels), with the same
     * pacing, 429 handling, retries and circuit breakers as alerts, within the notice TTL counted from
     * {@link Notice#at()}. Each {@link Delivery#watch()} holds the notice's subject.
     */
    public List<Delivery> notice(Notice notice, Collection<String> channelNames) {
        List<String> names = List.copyOf(new LinkedHashSet<>(channelNames));
        return run(GuardedSender.Item.of(notice, noticeTtl), names,
                name -> (channel, deadline) -> channel.sendNotice(notice, deadline));
    }

    /**
     * Edits messages sent earlier to tell the new event ("sold out again after 42 s"), with the same retries,
     * pacing and TTL as an alert; {@code messageIds} maps channel names to {@link Delivery#messageId()}.
     */
    public List<Delivery> update(StockEvent event, Map<String, String> messageIds) {
        List<String> names = List.copyOf(messageIds.keySet());
        return run(GuardedSender.Item.of(event, ttlOf(event)), names,
                name -> (channel, deadline) -> channel.edit(messageIds.get(name), event));
    }

    /**
     * How long an event is worth delivering: the alert TTL, except a change update, which a newer check soon
     * makes stale; its short TTL also bounds how long a 429 or an open breaker holds the check that sends it.
     */
    private Duration ttlOf(StockEvent event) {
        return switch (event) {
            case StockEvent.Restocked r -> ttl;
            case StockEvent.SoldOut s -> ttl;
            case StockEvent.Changed c -> ttl.compareTo(CHANGE_TTL) < 0 ? ttl : CHANGE_TTL;
        };
    }

    private List<Delivery> run(GuardedSender.Item event, List<String> names,
            java.util.function.Function<String, GuardedSender.Send> op) {
        List<Future<Delivery>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("alimi-notify-", 0).factory())) {
            for (String name : names) {
                futures.add(pool.submit(() -> sender.deliver(event, name, op.apply(name))));
            }
        }
        List<Delivery> deliveries = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            deliveries.add(result(futures.get(i), event, names.get(i)));
        }
        return deliveries;
    }

    private Delivery result(Future<Delivery> future, GuardedSender.Item event, String name) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return sender.ended(event, name, Delivery.Outcome.FAILED, 0, null, "interrupted");
        } catch (ExecutionException e) {
            return sender.ended(event, name, Delivery.Outcome.FAILED, 0, null,
                    "delivery crashed (" + e.getCause().getClass().getSimpleName() + ")");
        }
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
}
