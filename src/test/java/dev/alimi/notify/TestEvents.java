package dev.alimi.notify;

import dev.alimi.model.Availability;
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

    static StockEvent.SoldOut soldOut(String name, Duration buyableFor, Instant at) {
        Watch watch = watch(name, "ShopX", LINK);
        Observation o = Observation.of(name, Availability.OUT_OF_STOCK, "Sold out text", "css", at);
        return new StockEvent.SoldOut(watch, o, buyableFor);
    }
}
