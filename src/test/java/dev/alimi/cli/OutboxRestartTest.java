package dev.alimi.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.alimi.model.Availability;
import dev.alimi.model.Observation;
import dev.alimi.notify.FakeSlack;
import dev.alimi.store.AlertDraft;
import dev.alimi.store.AlertStatus;
import dev.alimi.store.Episode;
import dev.alimi.store.Store;
import dev.alimi.store.StoredWatchState;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alerts a dead process stored but never delivered: sent once after the restart if within their TTL, else never. */
class OutboxRestartTest {

    @TempDir
    Path dir;

    @Test
    void undeliveredAlertIsSentOnceAndAnExpiredOneNever() throws Exception {
        try (DemoShop shop = DemoShop.start(0); FakeSlack slack = new FakeSlack()) {
            Path config = dir.resolve("alimi.yaml");
            Files.writeString(config, RestartTest.config(shop, slack, "Mask fresh", "kf94-100", "Gel stale", "hand-gel"));
            shop.setStock("kf94-100", 5);
            shop.setStock("hand-gel", 5);
            Instant now = Instant.now();
            long fresh;
            long stale;
            // What a process killed between storing its alerts and sending them leaves behind.
            try (Store store = Store.open("sqlite:alimi.db", dir)) {
                fresh = storeUndelivered(store, "Mask fresh", now.minusSeconds(20), now.plus(Duration.ofMinutes(5)));
                stale = storeUndelivered(store, "Gel stale", now.minusSeconds(400), now.minusSeconds(100));
            }
            try (ChildAlimi alimi = ChildAlimi.run(config, "restart")) {
                await().atMost(Duration.ofSeconds(30)).until(() -> Cli.alerts(slack).size() >= 1);
                alimi.awaitChecks(() -> shop.hits("/api/products/kf94-100") + shop.hits("/api/products/hand-gel"), 20);
                assertThat(Cli.alerts(slack)).as("output:%n%s", alimi.output()).hasSize(1);
                assertThat(Cli.alerts(slack).getFirst().body()).contains("Mask fresh").doesNotContain("Gel stale");
            }
            try (Store store = Store.open("sqlite:alimi.db", dir)) {
                assertThat(store.outbox().find(fresh).orElseThrow().status()).isEqualTo(AlertStatus.SENT);
                assertThat(store.outbox().find(stale).orElseThrow().status()).isEqualTo(AlertStatus.EXPIRED);
            }
        }
    }

    private static long storeUndelivered(Store store, String watch, Instant start, Instant expiresAt) {
        BigDecimal price = new BigDecimal("4900");
        store.watchStates().save(new StoredWatchState(watch, Availability.IN_STOCK, start, Availability.IN_STOCK, start,
                1, 0, 0, 1, 0, null, 0));
        Episode episode = store.episodes().start(watch, "shop", start, 5L, price, "KRW");
        Observation o = new Observation(watch, Availability.IN_STOCK, 5L, price, "KRW", "stored before the crash",
                "json-path", start);
        return store.outbox().enqueue(new AlertDraft(episode.id(), "restocked", "*", "slack", o, expiresAt))
                .orElseThrow().id();
    }
}
