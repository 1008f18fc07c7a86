package dev.alimi.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alimi.notify.FakeSlack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code alimi stats} on the windows a real {@code alimi run} against the demo shop recorded. */
class StatsCommandTest {

    private static final String PATH = "/api/products/" + RestartTest.PRODUCT;

    @TempDir
    Path dir;

    @Test
    void statsShowTheBuyableWindowsOfARun() throws Exception {
        Path config = dir.resolve("alimi.yaml");
        try (DemoShop shop = DemoShop.start(0); FakeSlack slack = new FakeSlack()) {
            Files.writeString(config, RestartTest.config(shop, slack, "KF94 100-pack", RestartTest.PRODUCT));
            Cli cli = new Cli();
            CompletableFuture<Integer> running = Cli.inBackground(() -> cli.run("run", "--config", config.toString()));
            for (long stock : new long[] {0, 5, 0, 8, 0}) {
                shop.setStock(RestartTest.PRODUCT, stock);
                long from = shop.hits(PATH);
                await().atMost(Duration.ofSeconds(20)).until(() -> shop.hits(PATH) >= from + 4);
            }
            cli.context.stop().stop();
            assertThat(running.get()).as("stderr:%n%s", cli.err()).isZero();
            assertThat(Cli.alerts(slack)).hasSize(2);
        }

        Cli stats = new Cli();
        assertThat(stats.run("stats", "--config", config.toString(), "--json", "--zone", "UTC")).as(stats.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(stats.out());
        JsonNode watch = json.get("watches").get(0);
        assertThat(watch.get("name").asText()).isEqualTo("KF94 100-pack");
        assertThat(watch.get("episodes").asLong()).isEqualTo(2);
        assertThat(watch.get("closed").asInt()).isEqualTo(2);
        assertThat(watch.get("medianSeconds").asDouble()).isPositive();
        assertThat(watch.get("p90Seconds").asDouble()).isGreaterThanOrEqualTo(watch.get("medianSeconds").asDouble());
        List<Integer> hours = StreamSupport.stream(watch.get("byHour").spliterator(), false).map(JsonNode::asInt).toList();
        assertThat(hours).hasSize(24);
        assertThat(hours.stream().mapToInt(Integer::intValue).sum()).isEqualTo(2);
        assertThat(json.get("sites").get(0).get("name").asText()).isEqualTo("shop");

        Cli text = new Cli();
        assertThat(text.run("stats", "--config", config.toString(), "--watch", "KF94 100-pack")).isZero();
        assertThat(text.out()).contains("KF94 100-pack (shop): 2 episodes, buyable for median ").contains("restocks by weekday:");

        Cli unknown = new Cli();
        assertThat(unknown.run("stats", "--config", config.toString(), "--watch", "nope")).isEqualTo(1);
        assertThat(unknown.err()).contains("no episodes recorded for watch 'nope'");
    }

    @Test
    void percentilesAreNearestRank() {
        List<Duration> sorted = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3),
                Duration.ofSeconds(10));
        assertThat(WindowStats.percentile(sorted, 0.5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(WindowStats.percentile(sorted, 0.9)).isEqualTo(Duration.ofSeconds(10));
        assertThat(WindowStats.percentile(List.of(), 0.5)).isNull();
    }
}
