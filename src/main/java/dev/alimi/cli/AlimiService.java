package dev.alimi.cli;

import dev.alimi.config.ConfigChecks;
import dev.alimi.detect.Detection;
import dev.alimi.detect.DetectorRegistry;
import dev.alimi.model.Catalog;
import dev.alimi.model.ChannelSpec;
import dev.alimi.notify.Channel;
import dev.alimi.notify.ChannelContext;
import dev.alimi.notify.ChannelRegistry;
import dev.alimi.notify.Dispatcher;
import dev.alimi.policy.AlertPolicy;
import dev.alimi.schedule.CheckListener;
import dev.alimi.schedule.CheckPipeline;
import dev.alimi.schedule.Lanes;
import dev.alimi.schedule.Lease;
import dev.alimi.schedule.SiteFetchers;
import dev.alimi.schedule.Sleeper;
import dev.alimi.track.Tracker;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The running service: the one place where the stages are built and connected. */
final class AlimiService implements AutoCloseable {

    static final Duration CHANNEL_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final Clock clock;
    private final ChannelRegistry channelTypes = ChannelRegistry.standard();
    private final DetectorRegistry detectors = DetectorRegistry.standard();
    private final ChannelContext channelContext;
    private final HttpClient channelHttp;
    private final Tracker tracker = new Tracker();
    private final SiteFetchers fetchers;
    private final CheckPipeline pipeline;
    private final Lanes lanes;
    private Catalog current;
    private Dispatcher dispatcher;

    AlimiService(Clock clock, PrintStream console, CheckListener listener) {
        this.clock = clock;
        this.channelHttp = HttpClient.newBuilder().connectTimeout(CHANNEL_REQUEST_TIMEOUT).build();
        this.channelContext = new ChannelContext(channelHttp, console, clock, CHANNEL_REQUEST_TIMEOUT);
        this.fetchers = new SiteFetchers(clock);
        this.pipeline = new CheckPipeline(fetchers, new Detection(detectors), tracker, new AlertPolicy(), listener);
        this.lanes = new Lanes(pipeline, Lease.ALWAYS, clock, Sleeper.parking());
    }

    /** What the config loader must know about the registries to validate a config. */
    static ConfigChecks configChecks() {
        ChannelRegistry channels = ChannelRegistry.standard();
        return new ConfigChecks(DetectorRegistry.standard().recipeNames(), channels::problem);
    }

    /** Starts checking a config, or switches a running service to a new one, keeping watch state. */
    synchronized void apply(Catalog next) {
        boolean sameChannels = current != null && current.channels().equals(next.channels())
                && current.alertTtl().equals(next.alertTtl());
        if (!sameChannels) {
            // keep pacing, quiet times and breakers when only sites or watches changed
            Dispatcher old = dispatcher;
            dispatcher = dispatcherFor(next);
            dispatcher.warmUp();
            if (old != null) closeAfter(old, current.alertTtl());
        }
        pipeline.apply(next, dispatcher);
        lanes.apply(next).removedWatches().forEach(tracker::forget);
        current = next;
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

    Dispatcher dispatcherFor(Catalog c) {
        Map<String, Channel> channels = new LinkedHashMap<>();
        for (ChannelSpec spec : c.channels().values()) channels.put(spec.name(), channelTypes.create(spec, channelContext));
        return new Dispatcher(channels, clock, c.alertTtl(), dev.alimi.notify.Backoff.DEFAULT);
    }

    ChannelRegistry channelTypes() {
        return channelTypes;
    }

    @Override
    public synchronized void close() {
        lanes.stop();
        if (dispatcher != null) dispatcher.close();
        fetchers.close();
        channelHttp.close();
    }
}
