package dev.alimi.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alimi.model.Catalog;
import dev.alimi.store.EpisodeCount;
import dev.alimi.store.EpisodeWindow;
import dev.alimi.store.StatsQueries;
import dev.alimi.store.Store;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code alimi stats}: buyable-window stats per watch and per site, from the store. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Show how often each watch came back in stock and how long it stayed buyable:",
                "episode count, median and p90 window length, restocks by hour of day and weekday."})
final class StatsCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = "alimi.yaml",
            description = "config file naming the store (default: ${DEFAULT-VALUE})")
    Path config;

    @Option(names = "--watch", paramLabel = "NAME", description = "only this watch (and its site)")
    String watch;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Option(names = "--zone", paramLabel = "ZONE", description = "time zone of the hour/weekday counts (default: this machine's)")
    ZoneId zone;

    StatsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        Optional<Catalog> catalog = ConfigFiles.load(context, config);
        if (catalog.isEmpty()) return 1;
        ZoneId z = zone != null ? zone : ZoneId.systemDefault();
        try (Store store = AlimiService.openStore(catalog.get())) {
            StatsQueries q = store.stats();
            List<EpisodeCount> counts = q.counts(null).stream()
                    .filter(c -> watch == null || c.watch().equals(watch)).toList();
            if (watch != null && counts.isEmpty()) {
                context.err().println("alimi: no episodes recorded for watch '" + watch + "' in " + store.url().describe());
                return 1;
            }
            List<WindowStats> watches = new ArrayList<>();
            Map<String, long[]> perSite = new LinkedHashMap<>();
            for (EpisodeCount c : counts) {
                watches.add(WindowStats.of(c.watch(), c.site(), c.episodes(), c.open(), q.windowsOfWatch(c.watch(), null), z));
                long[] sum = perSite.computeIfAbsent(c.site(), k -> new long[2]);
                sum[0] += c.episodes();
                sum[1] += c.open();
            }
            List<WindowStats> sites = new ArrayList<>();
            perSite.forEach((site, sum) -> {
                List<EpisodeWindow> windows = q.windowsOfSite(site, null);
                sites.add(WindowStats.of(site, null, sum[0], sum[1], windows, z));
            });
            if (json) context.out().println(json(watches, sites, z));
            else print(watches, sites, z);
        }
        return 0;
    }

    private void print(List<WindowStats> watches, List<WindowStats> sites, ZoneId z) {
        if (watches.isEmpty()) {
            context.out().println("No episodes recorded yet: run 'alimi run' (or 'alimi demo') for a while first.");
            return;
        }
        context.out().println("Watches (hours and weekdays in " + z + "):");
        watches.forEach(s -> context.out().print(text(s)));
        context.out().println("Sites:");
        sites.forEach(s -> context.out().print(text(s)));
    }

    private static String text(WindowStats s) {
        StringBuilder b = new StringBuilder("  ").append(s.name());
        if (s.site() != null) b.append(" (").append(s.site()).append(')');
        b.append(": ").append(s.episodes()).append(s.episodes() == 1 ? " episode" : " episodes");
        if (s.open() > 0) b.append(" (").append(s.open()).append(" open)");
        if (s.median() != null) b.append(", buyable for median ").append(seconds(s.median())).append(", p90 ").append(seconds(s.p90()));
        b.append('\n');
        if (s.closed() > 0) {
            StringBuilder hours = new StringBuilder();
            for (int h = 0; h < 24; h++) if (s.byHour()[h] > 0) hours.append(' ').append(String.format("%02dh:%d", h, s.byHour()[h]));
            StringBuilder days = new StringBuilder();
            s.byWeekday().forEach((d, n) -> {
                if (n > 0) days.append(' ').append(d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)).append(':').append(n);
            });
            b.append("    restocks by hour:").append(hours).append('\n');
            b.append("    restocks by weekday:").append(days).append('\n');
        }
        return b.toString();
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static String json(List<WindowStats> watches, List<WindowStats> sites, ZoneId z) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("zone", z.toString());
        ArrayNode w = root.putArray("watches");
        watches.forEach(s -> w.add(node(mapper, s)));
        ArrayNode si = root.putArray("sites");
        sites.forEach(s -> si.add(node(mapper, s)));
        return root.toString();
    }

    private static ObjectNode node(ObjectMapper mapper, WindowStats s) {
        ObjectNode n = mapper.createObjectNode();
        n.put("name", s.name());
        if (s.site() != null) n.put("site", s.site());
        n.put("episodes", s.episodes());
        n.put("open", s.open());
        n.put("closed", s.closed());
        if (s.median() != null) {
            n.put("medianSeconds", s.median().toMillis() / 1000.0);
            n.put("p90Seconds", s.p90().toMillis() / 1000.0);
        } else {
            n.putNull("medianSeconds");
            n.putNull("p90Seconds");
        }
        ArrayNode hours = n.putArray("byHour");
        for (int h : s.byHour()) hours.add(h);
        ObjectNode days = n.putObject("byWeekday");
        for (DayOfWeek d : DayOfWeek.values()) days.put(d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH), s.byWeekday().get(d));
        return n;
    }
}
