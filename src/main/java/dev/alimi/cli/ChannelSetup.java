package dev.alimi.cli;

import dev.alimi.model.Catalog;
import dev.alimi.model.ChannelSpec;
import dev.alimi.notify.Backoff;
import dev.alimi.notify.Channel;
import dev.alimi.notify.ChannelContext;
import dev.alimi.notify.ChannelRegistry;
import dev.alimi.notify.Dispatcher;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The channel registry and the HTTP client channels share; builds a dispatcher per config. */
final class ChannelSetup implements AutoCloseable {

    static final Duration CHANNEL_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final Clock clock;
    private final ChannelRegistry channelTypes = ChannelRegistry.standard();
    private final HttpClient channelHttp;
    private final ChannelContext channelContext;

    ChannelSetup(Clock clock, PrintStream console) {
        this.clock = clock;
        this.channelHttp = HttpClient.newBuilder().connectTimeout(CHANNEL_REQUEST_TIMEOUT).build();
        this.channelContext = new ChannelContext(channelHttp, console, clock, CHANNEL_REQUEST_TIMEOUT);
    }

    Dispatcher dispatcherFor(Catalog c) {
        Map<String, Channel> channels = new LinkedHashMap<>();
        for (ChannelSpec spec : c.channels().values()) channels.put(spec.name(), channelTypes.create(spec, channelContext));
        return new Dispatcher(channels, clock, c.alertTtl(), Backoff.DEFAULT);
    }

    ChannelRegistry channelTypes() {
        return channelTypes;
    }

    @Override
    public void close() {
        channelHttp.close();
    }
}
