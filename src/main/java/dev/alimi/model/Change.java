package dev.alimi.model;

import java.math.BigDecimal;
import java.util.Objects;

/** One thing that changed during an alerted episode, against what its users were last told. */
public sealed interface Change permits Change.Price, Change.LowStock, Change.StockBack {

    /** The price moved by at least the {@code price-change} threshold. */
    record Price(BigDecimal was, BigDecimal now, String currency) implements Change {
        public Price {
            Objects.requireNonNull(was, "was");
            Objects.requireNonNull(now, "now");
        }
    }

    /** A known quantity fell under {@code min-stock}, from at least {@code min-stock} (or unknown) when last told. */
    record LowStock(long quantity, int minStock) implements Change {}

    /** The quantity is back to at least {@code min-stock} after users were told it had fallen under it. */
    record StockBack(long quantity, int minStock) implements Change {}
}
