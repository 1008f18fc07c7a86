package dev.alimi.notify;

import dev.alimi.model.Availability;
import dev.alimi.model.Change;
import dev.alimi.model.Observation;
import dev.alimi.model.StockEvent;
import dev.alimi.model.Watch;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Stock events for notify tests. */
final class TestEvents {

    static final String LINK = "https://shop.example/p/123";

    private TestEvents() {}

    static Watch watch(String name, String site, String link) {
        return new Watch(name, site, URI.create(link), null, null, null, null, null, null, null, null, List.of());
    }

    static StockEvent.Restocked restocked(String name, Instant at) {
        return restocked(watch(name, "ShopX", LINK), new BigDecimal("49.99"), "EUR", 12L, at);
    }

    static StockEvent.Restocked restocked(Watch watch, BigDecimal price, String currency, Long quantity, Instant at) {
        Observation o = new Observation(watch.name(), Availability.IN_STOCK, quantity, price, currency,
                "button.buy says Add to cart", "css", at);
        return new StockEvent.Restocked(watch, o);
    }

    /** The text of {@link #changed}: the price went from €49.99 to €59.99 and 3 are left, under min-stock 5. */
    static final String CHANGE_TEXT = "💸 price now €59.99 (was €49.99) · ⚠️ only 3 left (under min-stock 5)";

    /** Still in stock at €59.99 with 3 left, after users were told €49.99 and 12. */
    static StockEvent.Changed changed(String name, Instant at) {
        Watch watch = watch(name, "ShopX", LINK);
        Observation o = new Observation(name, Availability.IN_STOCK, 3L, new BigDecimal("59.99"), "EUR",
                "button.buy says Add to cart", "css", at);
        return new StockEvent.Changed(watch, o, List.of(
                new Change.Price(new BigDecimal("49.99"), new BigDecimal("59.99"), "EUR"), new Change.LowStock(3, 5)));
    }

    static StockEvent.SoldOut soldOut(String name, Duration buyableFor, Instant at) {
        Watch watch = watch(name, "ShopX", LINK);
        Observation o = Observation.of(name, Availability.OUT_OF_STOCK, "Sold out text", "css", at);
        return new StockEvent.SoldOut(watch, o, buyableFor);
    }
}
