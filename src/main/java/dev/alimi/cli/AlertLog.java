package dev.alimi.cli;

import dev.alimi.model.Availability;
import dev.alimi.model.Delivery;
import dev.alimi.model.Observation;
import dev.alimi.model.StockEvent;
import dev.alimi.model.Watch;
import dev.alimi.notify.MessageText;
import dev.alimi.schedule.CheckListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs what an operator wants to see: availability changes, held events, and one line per alert with its latency. */
final class AlertLog implements CheckListener {

    private static final Logger log = LoggerFactory.getLogger("alimi");

    private final Map<String, Availability> last = new ConcurrentHashMap<>();

    @Override
    public void observed(Watch watch, Observation o) {
        Availability before = last.put(watch.name(), o.availability());
        if (before != o.availability()) {
            log.info("{}: {} -> {} ({}: {})", watch.name(), before == null ? "first check" : before,
                    o.availability(), o.detector(), o.evidence());
        } else {
            log.debug("{}: {} ({})", watch.name(), o.availability(), o.evidence());
        }
    }

    @Override
    public void held(StockEvent event, String reason) {
        switch (event) {
            case StockEvent.SoldOut s -> log.info("{}: sold out again; it was buyable for {} s",
                    s.watch().name(), s.buyableFor().toMillis() / 1000.0);
            case StockEvent.Restocked r -> log.info("{}: back in stock, not alerted: {}", r.watch().name(), reason);
            case StockEvent.Changed c -> log.info("{}: {}, not told: {}", c.watch().name(),
                    MessageText.describe(c.what()), reason);
        }
    }

    /** One line per change update: what changed, then each edit or follow-up with its latency. */
    @Override
    public void changed(StockEvent.Changed event, List<Delivery> updates) {
        String per = updates.stream().map(AlertLog::describe).collect(Collectors.joining(", "));
        log.info("UPDATE {} {} -> {}", event.watch().name(), kind(event),
                per.isEmpty() ? "nothing to edit (follow-up none, or no message id)" : per);
    }

    @Override
    public void delivered(StockEvent event, List<Delivery> deliveries) {
        String per = deliveries.stream().map(AlertLog::describe).collect(Collectors.joining(", "));
        log.info("ALERT {} {} -> {}", event.watch().name(), kind(event), per.isEmpty() ? "no channel" : per);
    }

    private static String describe(Delivery d) {
        return switch (d.outcome()) {
            case SENT -> d.channel() + " " + d.latency().toMillis() + " ms after detection"
                    + (d.attempts() > 1 ? " (" + d.attempts() + " attempts)" : "");
            case FAILED -> d.channel() + " FAILED after " + d.attempts() + " attempts: " + d.detail();
            case EXPIRED -> d.channel() + " DROPPED (older than the alert TTL): " + d.detail();
        };
    }

    private static String kind(StockEvent event) {
        return switch (event) {
            case StockEvent.Restocked r -> "back in stock";
            case StockEvent.SoldOut s -> "sold out after " + s.buyableFor().toSeconds() + " s";
            case StockEvent.Changed c -> MessageText.describe(c.what());
        };
    }
}
