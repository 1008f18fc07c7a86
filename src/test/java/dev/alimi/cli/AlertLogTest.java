package dev.alimi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.alimi.model.Availability;
import dev.alimi.model.Change;
import dev.alimi.model.Delivery;
import dev.alimi.model.Observation;
import dev.alimi.model.StockEvent;
import dev.alimi.model.Watch;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The run output an operator reads: one line per change update, with each edit or follow-up. */
class AlertLogTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger("alimi");

    @BeforeEach
    void capture() {
        logs.start();
        logger.setLevel(Level.INFO);
        logger.addAppender(logs);
    }

    @AfterEach
    void release() {
        logger.detachAppender(logs);
        logger.setLevel(null);
    }

    private static StockEvent.Changed changed() {
        Watch watch = new Watch("KF94", "shop", URI.create("https://shop.example/p/1"), null, null, null, null, null,
                null, null, null, List.of());
        Observation o = new Observation("KF94", Availability.IN_STOCK, 2L, new BigDecimal("17900"), "KRW", "buy", "css", T0);
        return new StockEvent.Changed(watch, o, List.of(
                new Change.Price(new BigDecimal("15900"), new BigDecimal("17900"), "KRW"), new Change.LowStock(2, 5)));
    }

    @Test
    void oneLinePerChangeUpdateWithEachDelivery() {
        new AlertLog().changed(changed(), List.of(
                new Delivery("friends", "KF94", Delivery.Outcome.SENT, T0, T0.plusMillis(140), 1, "1", null),
                new Delivery("team", "KF94", Delivery.Outcome.FAILED, T0, T0.plusMillis(900), 3, null, "HTTP 400")));

        assertThat(logs.list).singleElement().satisfies(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.INFO);
            assertThat(e.getFormattedMessage()).isEqualTo("UPDATE KF94 💸 price now 17,900 KRW (was 15,900 KRW) · ⚠️ only"
                    + " 2 left (under min-stock 5) -> friends 140 ms after detection, team FAILED after 3 attempts: HTTP 400");
        });
    }

    @Test
    void anUpdateWithNothingToEditSaysSo() {
        new AlertLog().changed(changed(), List.of());

        assertThat(logs.list).singleElement()
                .satisfies(e -> assertThat(e.getFormattedMessage()).endsWith("-> nothing to edit (follow-up none, or no message id)"));
    }
}
