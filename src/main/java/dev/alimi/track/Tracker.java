package dev.alimi.track;

import dev.alimi.model.Availability;
import dev.alimi.model.Observation;
import dev.alimi.model.StockEvent;
import dev.alimi.model.Watch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-watch state machine that turns observations into stock events.
 *
 * <p>State is keyed by watch name, so it survives config reloads that rebuild the {@link Watch}
 * records; events carry the watch passed with the observation (the current config). Thread-safe:
 * each watch's transition is atomic.
 *
 * <p>Only IN_STOCK and OUT_OF_STOCK move the machine. UNKNOWN, BLOCKED and ERROR are counted but
 * never start or end an episode, nor break a confirmation streak. A change of availability takes
 * effect after the watch's {@code confirmIn} (restock) or {@code confirmOut} (sell-out) observations
 * in a row. Checks of one watch may overlap, so an observation older than one already accepted is
 * ignored rather than allowed to roll the state back.
 */
public final class Tracker {

    private final Map<String, WatchState> states = new ConcurrentHashMap<>();

    /** A tracker that has seen nothing. */
    public Tracker() {}

    /** A tracker that resumes from saved states (after a restart), keyed by watch name. */
    public Tracker(Map<String, WatchState> restored) {
        restored.forEach((name, state) -> {
            if (!name.equals(state.watch())) throw new IllegalArgumentException("state of '" + state.watch() + "' under '" + name + "'");
            states.put(name, state);
        });
    }

    /** Feeds one observation of {@code watch}; returns the events it causes (often none). */
    public List<StockEvent> observe(Watch watch, Observation observation) {
        if (!watch.name().equals(observation.watch())) {
            throw new IllegalArgumentException(
                    "observation of '" + observation.watch() + "' fed for watch '" + watch.name() + "'");
        }
        List<StockEvent> events = new ArrayList<>(1);
        states.compute(watch.name(), (name, old) ->
                step(old == null ? WatchState.initial(name) : old, watch, observation, events));
        return List.copyOf(events);
    }

    /** Drops the state of a watch removed from the config. */
    public void forget(String watch) {
        states.remove(watch);
    }

    /** The current state of one watch, empty when never observed (or forgotten). */
    public Optional<WatchState> state(String watch) {
        return Optional.ofNullable(states.get(watch));
    }

    /** A copy of every watch's current state. */
    public Map<String, WatchState> snapshot() {
        return new LinkedHashMap<>(states);
    }

    private static WatchState step(WatchState s, Watch watch, Observation o, List<StockEvent> events) {
        if (s.lastObservedAt() != null && o.observedAt().isBefore(s.lastObservedAt())) {
            return new WatchState(s.watch(), s.lastAvailability(), s.lastObservedAt(), s.lastDecisive(),
                    s.episodeStart(), s.observations(), s.doubtful(), s.doubtStreak(), s.episodes(), s.stale() + 1,
                    s.confirming(), s.confirmations());
        }
        Availability a = o.availability();
        long observations = s.observations() + 1;
        return switch (a) {
            case UNKNOWN, BLOCKED, ERROR -> new WatchState(s.watch(), a, o.observedAt(), s.lastDecisive(),
                    s.episodeStart(), observations, s.doubtful() + 1, s.doubtStreak() + 1, s.episodes(), s.stale(),
                    s.confirming(), s.confirmations());
            case IN_STOCK -> {
                if (s.inStock()) {
                    yield new WatchState(s.watch(), a, o.observedAt(), a, s.episodeStart(), observations,
                            s.doubtful(), 0, s.episodes(), s.stale(), null, 0);
                }
                long streak = s.confirming() == a ? s.confirmations() + 1 : 1;
                if (streak < watch.confirmIn()) {
                    yield new WatchState(s.watch(), a, o.observedAt(), s.lastDecisive(), null, observations,
                            s.doubtful(), 0, s.episodes(), s.stale(), a, streak);
                }
                events.add(new StockEvent.Restocked(watch, o));
                yield new WatchState(s.watch(), a, o.observedAt(), a, o.observedAt(), observations,
                        s.doubtful(), 0, s.episodes() + 1, s.stale(), null, 0);
            }
            case OUT_OF_STOCK -> {
                if (!s.inStock()) {
                    yield new WatchState(s.watch(), a, o.observedAt(), a, null, observations,
                            s.doubtful(), 0, s.episodes(), s.stale(), null, 0);
                }
                long streak = s.confirming() == a ? s.confirmations() + 1 : 1;
                if (streak < watch.confirmOut()) {
                    yield new WatchState(s.watch(), a, o.observedAt(), s.lastDecisive(), s.episodeStart(), observations,
                            s.doubtful(), 0, s.episodes(), s.stale(), a, streak);
                }
                Duration buyableFor = Duration.between(s.episodeStart(), o.observedAt());
                events.add(new StockEvent.SoldOut(watch, o, buyableFor));
                yield new WatchState(s.watch(), a, o.observedAt(), a, null, observations,
                        s.doubtful(), 0, s.episodes(), s.stale(), null, 0);
            }
        };
    }
}
