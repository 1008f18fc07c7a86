package dev.alimi.cli;

import dev.alimi.config.ConfigChecks;
import dev.alimi.detect.Detection;
import dev.alimi.detect.DetectorRegistry;
import dev.alimi.model.Catalog;
import dev.alimi.model.Delivery;
import dev.alimi.model.Notice;
import dev.alimi.model.Observation;
import dev.alimi.model.StockEvent;
import dev.alimi.model.Watch;
import dev.alimi.notify.Dispatcher;
import dev.alimi.schedule.Reconciliation;
import dev.alimi.store.StoredDelivery;
import dev.alimi.track.IncidentTracker;
import java.time.Duration;
import java.util.List;
import dev.alimi.notify.ChannelRegistry;
import dev.alimi.policy.AlertPolicy;
import dev.alimi.schedule.CheckListener;
import dev.alimi.schedule.CheckPipeline;
import dev.alimi.schedule.ConfirmBudget;
import dev.alimi.schedule.Housekeeping;
import dev.alimi.schedule.Lanes;
import dev.alimi.schedule.Lease;
import dev.alimi.schedule.SiteBudget;
import dev.alimi.schedule.SiteFetchers;
import dev.alimi.schedule.Sleeper;
import dev.alimi.store.Retention;
import dev.alimi.store.Store;
import dev.alimi.track.Tracker;
import java.io.PrintStream;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running service: the one place where the stages are built and connected. */
final class AlimiService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger("alimi");

    private final Clock clock;
    private final DetectorRegistry detectors = DetectorRegistry.standard();
    private final ChannelSetup channels;
    private final Store store;
    private final Tracker tracker;
    private final SiteFetchers fetchers;
    private final CheckPipeline pipeline;
    private final Lanes lanes;
    private final IncidentTracker incidents;
    private final Housekeeping housekeeping;
    private Catalog current;
    private Dispatcher dispatcher;

    /** A service on {@code store}, which the caller opened and closes after this; the tracker resumes from it. */
    AlimiService(Clock clock, PrintStream console, CheckListener listener, Store store) {
        this.clock = clock;
        this.incidents = new IncidentTracker(clock);
        this.store = store;
        this.tracker = CheckPipeline.restoreTracker(store);
        this.channels = new ChannelSetup(clock, console);
        this.fetchers = new SiteFetchers(clock);
        this.pipeline = new CheckPipeline(fetchers, new Detection(detectors), tracker, new AlertPolicy(), store, clock,
                ConfirmBudget.paced(this::budgetOf, clock, Sleeper.parking()), new Admin(listener));
        this.lanes = new Lanes(pipeline, Lease.ALWAYS, clock, Sleeper.parking(),
                (site, cause) -> incidents.laneRestarted(site, cause).ifPresent(this::tell));
        this.housekeeping = new Housekeeping(store, Retention.DEFAULT, Housekeeping.EVERY, clock, Sleeper.parking());
    }

    /** Passes everything on to the listener and feeds the incident tracker, which may tell the admins. */
    private final class Admin implements CheckListener {
        private final CheckListener next;

        Admin(CheckListener next) {
            this.next = next;
        }

        @Override
        public void observed(Watch watch, Observation observation) {
            next.observed(watch, observation);
            incidents.observed(watch, observation).forEach(AlimiService.this::tell);
        }

        @Override
        public void held(StockEvent event, String reason) {
            next.held(event, reason);
        }

        @Override
        public void delivered(StockEvent event, List<Delivery> deliveries) {
            next.delivered(event, deliveries);
            Dispatcher d = dispatcher;
            incidents.delivered(deliveries, d::failing).forEach(AlimiService.this::tell);
        }

        @Override
        public void episodeEnded(StockEvent.SoldOut event, List<StoredDelivery> sent) {
            next.episodeEnded(event, sent);
        }

        @Override
        public void changed(StockEvent.Changed event, List<Delivery> updates) {
            next.changed(event, updates);
        }
    }

    /** The lanes' budget of a site: confirm-in re-checks take their slots from it. */
    private SiteBudget budgetOf(String site) {
        return lanes.budget(site);
    }

    /** What the config loader must know about the registries to validate a config. */
    static ConfigChecks configChecks() {
        ChannelRegistry channels = ChannelRegistry.standard();
        DetectorRegistry detectors = DetectorRegistry.standard();
        return new ConfigChecks(detectors.recipeNames(), channels::problem, detectors::variantProblem);
    }

    /** Starts checking a config, or switches a running service to a new one, keeping watch state. */
    synchronized void apply(Catalog next) {
        boolean first = current == null;
        boolean sameChannels = !first && current.channels().equals(next.channels())
                && current.alertTtl().equals(next.alertTtl());
        if (!sameChannels) {
            // keep pacing, quiet times and breakers when only sites or watches changed
            Dispatcher old = dispatcher;
            dispatcher = channels.dispatcherFor(next);
            dispatcher.warmUp();
            if (old != null) closeAfter(old, current.alertTtl());
        }
        if (!first) {
            for (String gone : current.channels().keySet()) if (!next.channels().containsKey(gone)) incidents.forgetChannel(gone);
        }
        pipeline.apply(next, dispatcher);
        current = next;
        if (first) {
            // What a previous run stored but did not deliver goes out (or expires) before any new check.
            int resent = pipeline.resendPending();
            if (resent > 0) log.info("sent {} alert(s) a previous run had stored but not delivered", resent);
            housekeeping.start();
        }
        Reconciliation changes = lanes.apply(next);
        for (String removed : changes.removedWatches()) {
            tracker.forget(removed);
            store.watchStates().delete(removed);
            incidents.forgetWatch(removed);
        }
        changes.stopped().forEach(incidents::forgetSite);
    }

    /** Sends an operator notice to the admin channels, off the calling thread: a notice may wait out a 429. */
    void tell(Notice notice) {
        Catalog c = current;
        Dispatcher d = dispatcher;
        if (c == null || d == null || c.admin().isEmpty()) return;
        List<String> to = c.admin().stream()
                .filter(ch -> notice.recovered() || notice.kind() != Notice.Kind.CHANNEL_FAILING || !ch.equals(notice.subject()))
                .toList();
        Thread.ofVirtual().name("alimi-notice").start(() -> d.notice(notice, to));
    }

    /** What turns checks, deliveries, lane deaths and reload failures into operator notices. */
    IncidentTracker incidents() {
        return incidents;
    }

    /** Checks still running may be delivering through the old dispatcher; none outlives the alert TTL. */
    private static void closeAfter(Dispatcher old, Duration ttl) {
        Thread.ofVirtual().name("close-old-dispatcher").start(() -> {
            try {
                Thread.sleep(ttl);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            old.close();
        });
    }

    /** Opens the store a config names, beside the config file for a relative SQLite path. */
    static Store openStore(Catalog catalog) {
        return Store.open(catalog.store(), catalog.source() == null ? null : catalog.source().toAbsolutePath().getParent());
    }

    @Override
    public synchronized void close() {
        lanes.stop();
        housekeeping.close();
        if (dispatcher != null) dispatcher.close();
        fetchers.close();
        channels.close();
    }
}
