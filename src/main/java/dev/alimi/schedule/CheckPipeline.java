package dev.alimi.schedule;

import dev.alimi.detect.Detection;
import dev.alimi.fetch.FetchResult;
import dev.alimi.model.Availability;
import dev.alimi.model.Catalog;
import dev.alimi.model.Delivery;
import dev.alimi.model.Observation;
import dev.alimi.model.Route;
import dev.alimi.model.Site;
import dev.alimi.model.StockEvent;
import dev.alimi.model.Watch;
import dev.alimi.notify.Dispatcher;
import dev.alimi.policy.AlertPolicy;
import dev.alimi.policy.ChangePolicy;
import dev.alimi.store.Alert;
import dev.alimi.store.DeliveryKind;
import dev.alimi.store.StoredDelivery;
import dev.alimi.store.Store;
import dev.alimi.track.Tracker;
import dev.alimi.track.WatchState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One check of one watch: fetch, detect, track, then one store transaction (watch state, observation,
 * episode, alerts in the outbox), then delivery of exactly the alerts that transaction enqueued. Runs on
 * the lane's check thread.
 */
public final class CheckPipeline implements CheckTask {

    /** What the pipeline works with now; swapped whole on a config reload. */
    private record Current(Catalog catalog, Dispatcher dispatcher) {}

    private final SiteFetchers fetchers;
    private final Detection detection;
    private final Tracker tracker;
    private final CheckListener listener;
    private final CheckRecorder recorder;
    private final Outbound outbound;
    private final ConfirmBudget confirmBudget;
    private final AtomicReference<Current> current = new AtomicReference<>();

    public CheckPipeline(SiteFetchers fetchers, Detection detection, Tracker tracker, AlertPolicy policy,
                         Store store, Clock clock, ConfirmBudget confirmBudget, CheckListener listener) {
        this(fetchers, detection, tracker, policy, new ChangePolicy(), store, clock, confirmBudget, listener);
    }

    /** As above, with the policy that decides change updates during an alerted episode. */
    public CheckPipeline(SiteFetchers fetchers, Detection detection, Tracker tracker, AlertPolicy policy,
                         ChangePolicy changes, Store store, Clock clock, ConfirmBudget confirmBudget,
                         CheckListener listener) {
        this.fetchers = fetchers;
        this.detection = detection;
        this.tracker = tracker;
        this.listener = listener;
        this.recorder = new CheckRecorder(Objects.requireNonNull(store, "store"), policy,
                Objects.requireNonNull(changes, "changes"));
        this.outbound = new Outbound(store, clock, listener);
        this.confirmBudget = Objects.requireNonNull(confirmBudget, "confirmBudget");
    }

    /** Restores the tracker from the store: every watch's state as the last run left it. */
    public static Tracker restoreTracker(Store store) {
        return new Tracker(WatchStates.restore(store.watchStates().all()));
    }

    /** Switches to a new config and its dispatcher; checks already running finish with the old one. */
    public void apply(Catalog catalog, Dispatcher dispatcher) {
        current.set(new Current(catalog, dispatcher));
        fetchers.retain(catalog.sites().keySet());
    }

    /**
     * Before the lanes start: expires what a previous run left undelivered past its TTL and sends the
     * rest once. Returns how many were sent (or attempted).
     */
    public int resendPending() {
        Current now = current.get();
        return outbound.resendPending(now.catalog(), now.dispatcher());
    }

    @Override
    public void check(Watch watch) {
        Current now = current.get();
        Site site = now.catalog().sites().get(watch.site());
        if (site == null) return; // the site went away in a reload while this check was queued
        step(now, site, watch);
        // confirm-in: a restock is confirmed by re-checking at once rather than on the next turn.
        for (int extra = 1; extra < watch.confirmIn() && confirmingRestock(watch); extra++) {
            try {
                confirmBudget.acquire(site.name());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // stopping: the next run confirms from the saved streak
            }
            step(now, site, watch);
        }
    }

    private boolean confirmingRestock(Watch watch) {
        return tracker.state(watch.name()).map(WatchState::confirmingRestock).orElse(false);
    }

    private void step(Current now, Site site, Watch watch) {
        Observation observation = observe(site, watch);
        listener.observed(watch, observation);
        Optional<WatchState> before = tracker.state(watch.name());
        List<StockEvent> events = tracker.observe(watch, observation);
        WatchState after = tracker.state(watch.name()).orElseThrow();
        boolean transition = !events.isEmpty()
                || before.map(WatchState::lastAvailability).orElse(null) != observation.availability();
        CheckRecorder.Recorded recorded = recorder.record(now.catalog(), watch, observation, events, after, transition);
        for (StockEvent event : events) {
            if (event instanceof StockEvent.SoldOut soldOut) {
                listener.held(soldOut, "sold out");
                listener.episodeEnded(soldOut, recorded.endedEpisodeMessages());
                outbound.followUp(now.catalog(), now.dispatcher(), soldOut, recorded.endedEpisodeMessages());
            }
        }
        recorded.held().forEach(h -> listener.held(new StockEvent.Restocked(watch, observation), h));
        if (!recorded.toSend().isEmpty()) {
            outbound.send(now.dispatcher(), new StockEvent.Restocked(watch, observation), recorded.toSend());
        }
        for (CheckRecorder.ChangeUpdate change : recorded.changes()) {
            List<Delivery> made = outbound.followUp(now.catalog(), now.dispatcher(), change.event(), change.messages());
            listener.changed(change.event(), made);
        }
    }

    private Observation observe(Site site, Watch watch) {
        FetchResult result = fetchers.forSite(site).fetch(watch);
        return switch (result) {
            case FetchResult.Fetched fetched -> detection.decide(watch, fetched.page());
            case FetchResult.Failed failed ->
                    Observation.of(watch.name(), Availability.ERROR, failed.reason(), "fetch", failed.at());
        };
    }

    /** Sends alerts already stored, and ends each in the outbox with how it went. */
    static final class Outbound {
        private static final int RESEND_BATCH = 100;
        private final Store store;
        private final Clock clock;
        private final CheckListener listener;

        Outbound(Store store, Clock clock, CheckListener listener) {
            this.store = store;
            this.clock = clock;
            this.listener = listener;
        }

        void send(Dispatcher dispatcher, StockEvent event, List<Alert> alerts) {
            List<String> channels = alerts.stream().map(Alert::channel).distinct().toList();
            List<Delivery> deliveries = dispatcher.dispatch(event, channels);
            for (Alert alert : alerts) {
                Delivery d = deliveries.get(channels.indexOf(alert.channel()));
                store.outbox().finish(alert.id(), d);
            }
            listener.delivered(event, deliveries);
        }

        /**
         * A live update of sent messages (an episode ended, or changed while it goes on), per the follow-up of the
         * route that sent each message: {@code edit} (default) rewrites messages whose service can edit ("sold out
         * again after 42 s", "price now 17,900 KRW") and leaves the others; {@code reply} sends a short new message;
         * {@code none} does nothing. Each is stored as a delivery of its alert; returns them, edits first.
         */
        List<Delivery> followUp(Catalog catalog, Dispatcher dispatcher, StockEvent event, List<StoredDelivery> sent) {
            Map<String, String> editIds = new LinkedHashMap<>();
            Map<String, Long> alertOf = new LinkedHashMap<>();
            for (StoredDelivery s : sent) {
                String channel = s.delivery().channel();
                String mode = store.outbox().find(s.alertId()).map(a -> followUpOf(catalog, a.route())).orElse("edit");
                boolean wanted = switch (mode) {
                    case "none" -> false;
                    case "reply" -> true;
                    // webhooks, ntfy, email...: their ids name a message no API can rewrite
                    default -> s.delivery().messageId() != null && dispatcher.canEdit(channel);
                };
                if (!wanted || alertOf.containsKey(channel)) continue;
                alertOf.put(channel, s.alertId());
                if (!mode.equals("reply")) editIds.put(channel, s.delivery().messageId());
            }
            List<String> replies = alertOf.keySet().stream().filter(c -> !editIds.containsKey(c)).toList();
            List<Delivery> made = new ArrayList<>();
            if (!editIds.isEmpty()) made.addAll(record(dispatcher.update(event, editIds), alertOf, DeliveryKind.EDIT));
            if (!replies.isEmpty()) made.addAll(record(dispatcher.dispatch(event, replies), alertOf, DeliveryKind.FOLLOW_UP));
            return made;
        }

        private List<Delivery> record(List<Delivery> deliveries, Map<String, Long> alertOf, DeliveryKind kind) {
            for (Delivery d : deliveries) {
                Long alertId = alertOf.get(d.channel());
                if (alertId != null) store.deliveries().record(alertId, kind, d);
            }
            return deliveries;
        }

        private static String followUpOf(Catalog catalog, String routeKey) {
            return catalog.routes().stream().filter(r -> r.key().equals(routeKey)).map(Route::followUp)
                    .findFirst().orElse("edit");
        }

        int resendPending(Catalog catalog, Dispatcher dispatcher) {
            store.outbox().expireDue(clock.instant());
            int sent = 0;
            List<Alert> claimed;
            do {
                claimed = store.outbox().claimPending(clock.instant(), RESEND_BATCH);
                for (Alert alert : claimed) {
                    Watch watch = catalog.watches().stream().filter(w -> w.name().equals(alert.watch())).findFirst().orElse(null);
                    if (watch == null || !catalog.channels().containsKey(alert.channel())) {
                        store.outbox().finish(alert.id(), new Delivery(alert.channel(), alert.watch(), Delivery.Outcome.FAILED,
                                alert.detectedAt(), clock.instant(), 0, null,
                                watch == null ? "the watch left the config" : "the channel left the config"));
                        continue;
                    }
                    send(dispatcher, new StockEvent.Restocked(watch, alert.observation()), List.of(alert));
                    sent++;
                }
            } while (claimed.size() == RESEND_BATCH);
            return sent;
        }
    }
}
