package dev.alimi.schedule;

import dev.alimi.model.Availability;
import dev.alimi.model.Change;
import dev.alimi.model.Catalog;
import dev.alimi.model.Observation;
import dev.alimi.model.Route;
import dev.alimi.model.Rules;
import dev.alimi.model.StockEvent;
import dev.alimi.model.Watch;
import dev.alimi.policy.AlertPolicy;
import dev.alimi.policy.ChangePolicy;
import dev.alimi.policy.Decision;
import dev.alimi.policy.RouteDecision;
import dev.alimi.store.Alert;
import dev.alimi.store.AlertDraft;
import dev.alimi.store.Episode;
import dev.alimi.store.Store;
import dev.alimi.store.StoreSession;
import dev.alimi.store.StoredDelivery;
import dev.alimi.store.ToldAlert;
import dev.alimi.track.WatchState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes one check to the store in one transaction: the watch's state, the observation, the episode,
 * and one alert per route and channel (enqueued to send, or held with the rule that held it).
 *
 * <p>An alert is decided at every in-stock observation of an open episode until the route has alerted:
 * so an episode that starts below {@code min-stock} (or in a blackout) alerts once, when it first passes
 * every rule. A route alerts at most once per episode, enforced by the outbox's unique key. Once sent, later
 * in-stock observations of the episode may make change updates ({@link ChangePolicy}).
 */
final class CheckRecorder {

    /** The alert kind of a restock. */
    static final String RESTOCKED = "restocked";
    /** Non-transition observations are kept at most this often per watch. */
    static final Duration SAMPLE_EVERY = Duration.ofMinutes(1);

    /**
     * What the transaction decided: alerts to send now, the reasons of the ones held at a restock, the messages of
     * an episode that ended, and the change updates due for messages already sent.
     */
    record Recorded(List<Alert> toSend, List<String> held, List<StoredDelivery> endedEpisodeMessages,
                    List<ChangeUpdate> changes) {

        Recorded(List<StoredDelivery> endedEpisodeMessages) {
            this(List.of(), List.of(), endedEpisodeMessages, List.of());
        }
    }

    /** A change to tell, and the sent messages (with their remote ids) it is for. */
    record ChangeUpdate(StockEvent.Changed event, List<StoredDelivery> messages) {}

    private final Store store;
    private final AlertPolicy policy;
    private final ChangePolicy changes;

    CheckRecorder(Store store, AlertPolicy policy, ChangePolicy changes) {
        this.store = store;
        this.policy = policy;
        this.changes = changes;
    }

    Recorded record(Catalog catalog, Watch watch, Observation o, List<StockEvent> events, WatchState state,
                    boolean transition) {
        return store.inTransaction(s -> {
            s.watchStates().save(WatchStates.toStored(state));
            s.observations().record(o, transition, SAMPLE_EVERY);
            boolean restocked = false;
            List<StoredDelivery> ended = new ArrayList<>();
            for (StockEvent event : events) {
                switch (event) {
                    case StockEvent.Restocked r -> {
                        s.episodes().start(watch.name(), watch.site(), r.observation().observedAt(),
                                o.quantity(), o.price(), o.currency());
                        restocked = true;
                    }
                    case StockEvent.SoldOut so -> s.episodes().open(watch.name()).ifPresent(ep -> {
                        s.episodes().end(ep.id(), o.observedAt());
                        ended.addAll(s.deliveries().sentMessagesOfEpisode(ep.id()));
                    });
                    case StockEvent.Changed c -> { } // the tracker emits none: changes are decided below, against the store
                }
            }
            if (!state.inStock() || o.availability() != Availability.IN_STOCK) {
                return new Recorded(ended);
            }
            Episode episode = openEpisode(s, watch, o, state, restocked);
            Recorded alerted = alerts(s, catalog, watch, o, episode, restocked);
            List<ChangeUpdate> changed = restocked ? List.of() : changes(s, catalog, watch, o, episode);
            return new Recorded(alerted.toSend(), alerted.held(), List.of(), changed);
        });
    }

    private static Episode openEpisode(StoreSession s, Watch watch, Observation o, WatchState state, boolean restocked) {
        Optional<Episode> open = s.episodes().open(watch.name());
        if (open.isEmpty()) {
            // The tracker is ahead of the store (a write failed earlier): the episode it remembers is opened now.
            return s.episodes().start(watch.name(), watch.site(), state.episodeStart(), o.quantity(), o.price(), o.currency());
        }
        if (!restocked) s.episodes().update(open.get().id(), o.quantity(), o.price());
        return open.get();
    }

    private Recorded alerts(StoreSession s, Catalog catalog, Watch watch, Observation o, Episode episode, boolean restocked) {
        List<Alert> toSend = new ArrayList<>();
        List<String> held = new ArrayList<>();
        for (RouteDecision route : policy.routes(watch, o, catalog)) {
            if (s.outbox().alerted(episode.id(), RESTOCKED, route.route())) continue;
            Decision decision = cooldown(s, watch, o, episode, route).<Decision>map(h -> h).orElse(route.decision());
            for (String channel : route.channels()) {
                AlertDraft draft = new AlertDraft(episode.id(), RESTOCKED, route.route(), channel, o,
                        o.observedAt().plus(catalog.alertTtl()));
                switch (decision) {
                    case Decision.Send send -> s.outbox().enqueue(draft).ifPresent(toSend::add);
                    case Decision.Hold hold -> s.outbox().hold(draft, hold.describe());
                }
            }
            if (decision instanceof Decision.Hold hold && restocked) held.add(route.route() + ": " + hold.describe());
        }
        return new Recorded(toSend, held, List.of(), List.of());
    }

    /**
     * For each sent restock alert of the episode, whether this observation changed what its users were last told,
     * under the rules of the alert's route; a due change is stored as told in this transaction (so a restart
     * neither repeats nor loses it) and grouped with the other messages that tell the same change.
     */
    private List<ChangeUpdate> changes(StoreSession s, Catalog catalog, Watch watch, Observation o, Episode episode) {
        Map<Long, List<Change>> due = new LinkedHashMap<>();
        for (ToldAlert t : s.outbox().told(episode.id(), RESTOCKED)) {
            List<Change> what = changes.changes(rulesOf(catalog, watch, t.alert().route()), t.told(), o);
            if (what.isEmpty() || !s.outbox().retell(t.alert().id(), t.told(), t.told().retold(o, o.observedAt()))) {
                continue;
            }
            due.put(t.alert().id(), what);
        }
        if (due.isEmpty()) return List.of(); // the usual case: no need to look up the messages
        Map<List<Change>, List<StoredDelivery>> groups = new LinkedHashMap<>();
        for (StoredDelivery message : s.deliveries().sentMessagesOfEpisode(episode.id())) {
            List<Change> what = due.get(message.alertId());
            if (what != null) groups.computeIfAbsent(what, k -> new ArrayList<>()).add(message);
        }
        List<ChangeUpdate> out = new ArrayList<>();
        groups.forEach((what, sent) -> out.add(new ChangeUpdate(new StockEvent.Changed(watch, o, what), sent)));
        return out;
    }

    /** The rules of the route that sent an alert; a route gone from the config leaves the watch's and site's. */
    private static Rules rulesOf(Catalog catalog, Watch watch, String routeKey) {
        Route route = catalog.routes().stream().filter(r -> r.key().equals(routeKey)).findFirst().orElse(null);
        return AlertPolicy.effectiveRules(watch, route, catalog);
    }

    /** Held when this route alerted the watch for an earlier episode less than the cooldown ago. */
    private static Optional<Decision.Hold> cooldown(StoreSession s, Watch watch, Observation o, Episode episode,
                                                    RouteDecision route) {
        if (route.cooldown() == null || !(route.decision() instanceof Decision.Send)) return Optional.empty();
        return s.outbox().lastAlerted(watch.name(), RESTOCKED, route.route())
                .filter(last -> last.episodeId() != episode.id())
                .filter(last -> last.detectedAt().plus(route.cooldown()).isAfter(o.observedAt()))
                .map(last -> new Decision.Hold("cooldown", "alerted " + Duration.between(last.detectedAt(), o.observedAt()).toSeconds()
                        + " s ago, within cooldown " + route.cooldown().toSeconds() + " s"));
    }
}
