package dev.alimi.policy;

import dev.alimi.model.Availability;
import dev.alimi.model.Change;
import dev.alimi.model.Observation;
import dev.alimi.model.Rules;
import dev.alimi.model.Told;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decides whether an observation during an alerted episode is worth updating the alert's messages.
 *
 * <p>Compares with what the users were last told ({@link Told}), never with the previous observation: a price
 * drifting 3% a check adds up to an update once it has moved {@code price-change} in all, and jitter under the
 * threshold never speaks. A quantity update needs {@code min-stock}: falling under it ("only 2 left"), or coming
 * back to it after users were told it had fallen. Only IN_STOCK observations count. After an update, the next one
 * waits at least {@link #MIN_GAP}, so a price flapping across the threshold cannot flood a channel; the change is
 * still measured against the last telling, so it goes out at the first check after the gap if it still holds.
 * Stateless and thread-safe.
 */
public final class ChangePolicy {

    /** The least time between two change updates of one alert. */
    public static final Duration MIN_GAP = Duration.ofSeconds(30);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Duration minGap;

    /** With the standard {@link #MIN_GAP}. */
    public ChangePolicy() {
        this(MIN_GAP);
    }

    /** With another least gap between two updates of one alert (zero: none). */
    public ChangePolicy(Duration minGap) {
        this.minGap = Objects.requireNonNull(minGap, "minGap");
        if (minGap.isNegative()) throw new IllegalArgumentException("gap must not be negative, got " + minGap);
    }

    /** What changed since {@code told} under {@code rules}; empty when nothing worth an update (or too soon). */
    public List<Change> changes(Rules rules, Told told, Observation o) {
        if (o.availability() != Availability.IN_STOCK) return List.of();
        List<Change> out = new ArrayList<>(2);
        BigDecimal threshold = rules.priceChangePercent();
        if (threshold.signum() > 0 && told.price() != null && told.price().signum() > 0 && o.price() != null
                && movedPercent(told.price(), o.price()).compareTo(threshold) >= 0) {
            out.add(new Change.Price(told.price(), o.price(), o.currency()));
        }
        Integer min = rules.minStock();
        if (min != null && o.quantity() != null) {
            boolean lowNow = o.quantity() < min;
            boolean lowTold = told.quantity() != null && told.quantity() < min;
            if (lowNow && !lowTold) out.add(new Change.LowStock(o.quantity(), min));
            if (!lowNow && lowTold) out.add(new Change.StockBack(o.quantity(), min));
        }
        if (out.isEmpty()) return List.of();
        if (told.updatedAt() != null && o.observedAt().isBefore(told.updatedAt().plus(minGap))) return List.of();
        return List.copyOf(out);
    }

    /** |now - was| / was, in percent. */
    static BigDecimal movedPercent(BigDecimal was, BigDecimal now) {
        return now.subtract(was).abs().multiply(HUNDRED).divide(was, MathContext.DECIMAL64);
    }
}
