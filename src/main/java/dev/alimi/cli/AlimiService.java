package dev.alimi.cli;

import dev.alimi.config.ConfigChecks;
import dev.alimi.detect.Detection;
import dev.alimi.detect.DetectorRegistry;
import dev.alimi.model.Catalog;
import dev.alimi.notify.ChannelRegistry;
import dev.alimi.policy.AlertPolicy;
import dev.alimi.schedule.CheckListener;
import dev.alimi.schedule.CheckPipeline;
import dev.alimi.schedule.ConfirmBudget;
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
    private boolean started;

    /** A service on {@code store}, which the caller opened and closes after this; the tracker resumes from it. */
    AlimiService(Clock clock, PrintStream console, CheckListener listener, Store store) {
        this.clock = clock;
        this.store = store;
        this.tracker = CheckPipeline.restoreTracker(store);
        this.channels = new ChannelSetup(clock, console);
        this.fetchers = new SiteFetchers(clock);
        this.pipeline = new CheckPipeline(fetchers, new Detection(detectors), tracker, new AlertPolicy(), store, clock,
                ConfirmBudget.paced(this::budgetOf, clock, Sleeper.parking()), listener);
        this.lanes = new Lanes(pipeline, Lease.ALWAYS, clock, Sleeper.parking());
    }

    /** The lanes' budget of a site: confirm-in re-checks take their slots from it. */
    private SiteBudget budgetOf(String site) {
        return lanes.budget(site);
    }

    /** What the config loader must know about the registries to validate a config. */
    static ConfigChecks configChecks() {
        ChannelRegistry channels = ChannelRegistry.standard();
        return new ConfigChecks(DetectorRegistry.standard().recipeNames(), channels::problem);
    }

    /** Starts checking a config, or switches a running service to a new one, keeping watch state. */
    synchronized void apply(Catalog next) {
        pipeline.apply(next, channels.dispatcherFor(next));
        if (!started) {
            // What a previous run stored but did not deliver goes out (or expires) before any new check.
            int resent = pipeline.resendPending();
            if (resent > 0) log.info("sent {} alert(s) a previous run had stored but not delivered", resent);
            long pruned = store.observations().prune(clock.instant(), Retention.DEFAULT);
            if (pruned > 0) log.debug("pruned {} old observations", pruned);
            started = true;
        }
        for (String removed : lanes.apply(next).removedWatches()) {
            tracker.forget(removed);
            store.watchStates().delete(removed);
        }
    }

    /** Opens the store a config names, beside the config file for a relative SQLite path. */
    static Store openStore(Catalog catalog) {
        return Store.open(catalog.store(), catalog.source() == null ? null : catalog.source().toAbsolutePath().getParent());
    }

    @Override
    public synchronized void close() {
        lanes.stop();
        fetchers.close();
        channels.close();
    }
}
