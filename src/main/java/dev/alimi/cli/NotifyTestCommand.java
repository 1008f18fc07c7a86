package dev.alimi.cli;

import dev.alimi.model.Availability;
import dev.alimi.model.Catalog;
import dev.alimi.model.ChannelSpec;
import dev.alimi.model.DetectSpec;
import dev.alimi.model.Delivery;
import dev.alimi.model.Observation;
import dev.alimi.model.RequestSpec;
import dev.alimi.model.StockEvent;
import dev.alimi.model.Watch;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code alimi notify-test}: send one sample alert to a channel and say how it went. */
@Command(name = "notify-test", mixinStandardHelpOptions = true,
        description = {"Send a sample restock alert to one channel and report the result.",
                "CHANNEL is a channel name from the config, or a channel URL (slack://, discord://, tgram://, ntfys://,",
                "pover://, gotify://, json://, mailtos://, mqtt://, console:// …; see the README's Notify section)."})
final class NotifyTestCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(index = "0", paramLabel = "CHANNEL", description = "channel name from the config, or a channel URL")
    String channel;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = "alimi.yaml",
            description = "config file (default: ${DEFAULT-VALUE})")
    Path config;

    NotifyTestCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Optional<ChannelSpec> spec = resolve();
        if (spec.isEmpty()) return 1;
        try (ChannelSetup service = new ChannelSetup(context.clock(), context.out())) {
            Optional<String> problem = service.channelTypes().problem(spec.get());
            if (problem.isPresent()) {
                context.err().println("alimi: channel " + spec.get().name() + ": " + problem.get());
                return 1;
            }
            Catalog one = new Catalog(null, Map.of(), List.of(), Map.of(spec.get().name(), spec.get()), List.of(),
                    List.of(), Catalog.DEFAULT_ALERT_TTL, dev.alimi.model.WebSettings.DEFAULT, "sqlite:alimi.db");
            Delivery d;
            try (var dispatcher = service.dispatcherFor(one)) {
                dispatcher.warmUp(); // the reported latency is then the one a real alert sees
                d = dispatcher.dispatch(sampleEvent(), List.of(spec.get().name())).getFirst();
            }
            String shown = service.channelTypes().redact(spec.get());
            return switch (d.outcome()) {
                case SENT -> {
                    context.out().printf("sent to %s (%s) in %d ms%s%n", spec.get().name(), shown,
                            d.latency().toMillis(), d.messageId() == null ? "" : ", message id " + d.messageId());
                    yield 0;
                }
                case FAILED, EXPIRED -> {
                    context.err().printf("alimi: %s (%s) did not take the alert after %d attempt(s): %s%n",
                            spec.get().name(), shown, d.attempts(), d.detail());
                    yield 1;
                }
            };
        }
    }

    private Optional<ChannelSpec> resolve() {
        if (channel.contains("://")) return Optional.of(ChannelSpec.of("test", channel));
        if (!Files.exists(config)) {
            context.err().println("alimi: no channel named '" + channel + "': " + config
                    + " does not exist (pass --config, or give a channel URL)");
            return Optional.empty();
        }
        Optional<Catalog> catalog = ConfigFiles.load(context, config);
        if (catalog.isEmpty()) return Optional.empty();
        ChannelSpec spec = catalog.get().channels().get(channel);
        if (spec == null) {
            context.err().println("alimi: no channel named '" + channel + "' in " + config + "; it has: "
                    + String.join(", ", catalog.get().channels().keySet()));
            return Optional.empty();
        }
        return Optional.of(spec);
    }

    private StockEvent sampleEvent() {
        Watch watch = new Watch("Alimi test alert (KF94 mask, 50-pack)", "example.com",
                URI.create("https://example.com/alimi-test"), null, RequestSpec.GET,
                new DetectSpec.Recipe("test"), Watch.DEFAULT_INTERVAL, null, null, null, null, List.of("test"));
        Observation o = new Observation(watch.name(), Availability.IN_STOCK, 12L, new BigDecimal("15900"), "KRW",
                "a test alert sent by 'alimi notify-test'", "notify-test", context.clock().instant());
        return new StockEvent.Restocked(watch, o);
    }
}
