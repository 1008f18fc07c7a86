package dev.alimi.schedule;

import dev.alimi.detect.Detection;
import dev.alimi.fetch.FetchResult;
import dev.alimi.model.Availability;
import dev.alimi.model.Catalog;
import dev.alimi.model.Delivery;
import dev.alimi.model.Observation;
import dev.alimi.model.Site;
import dev.alimi.model.StockEvent;
import dev.alimi.model.Watch;
import dev.alimi.notify.Dispatcher;
import dev.alimi.policy.AlertPolicy;
import dev.alimi.policy.Decision;
import dev.alimi.track.Tracker;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** One check of one watch: fetch, detect, track, policy, dispatch. Runs on the lane's check thread. */
public final class CheckPipeline implements CheckTask {

    /** What the pipeline works with now; swapped whole on a config reload. */
    private record Current(Catalog catalog, Dispatcher dispatcher) {}

    private final SiteFetchers fetchers;
    private final Detection detection;
    private final Tracker tracker;
    private final AlertPolicy policy;
    private final CheckListener listener;
    private final AtomicReference<Current> current = new AtomicReference<>();

    public CheckPipeline(SiteFetchers fetchers, Detection detection, Tracker tracker, AlertPolicy policy,
                         CheckListener listener) {
        this.fetchers = fetchers;
        this.detection = detection;
        this.tracker = tracker;
        this.policy = policy;
        this.listener = listener;
    }

    /** Switches to a new config and its dispatcher; checks already running finish with the old one. */
    public void apply(Catalog catalog, Dispatcher dispatcher) {
        current.set(new Current(catalog, dispatcher));
        fetchers.retain(catalog.sites().keySet());
    }

    @Override
    public void check(Watch watch) {
        Current now = current.get();
        Site site = now.catalog().sites().get(watch.site());
        if (site == null) return; // the site went away in a reload while this check was queued
        Observation observation = observe(site, watch);
        listener.observed(watch, observation);
        for (StockEvent event : tracker.observe(watch, observation)) {
            switch (policy.decide(event, now.catalog())) {
                case Decision.Hold hold -> listener.held(event, hold.reason());
                case Decision.Send send -> {
                    List<Delivery> deliveries = now.dispatcher().dispatch(event, send.channels());
                    listener.delivered(event, deliveries);
                }
            }
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
}
