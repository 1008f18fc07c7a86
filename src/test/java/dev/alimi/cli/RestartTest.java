package dev.alimi.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.alimi.notify.FakeSlack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code alimi run} killed with {@code kill -9} and started again on the same store: never a second alert, never a lost one. */
class RestartTest {

    static final String PRODUCT = "kf94-100";
    static final String PATH = "/api/products/" + PRODUCT;

    @TempDir
    Path dir;

    private DemoShop shop;
    private FakeSlack slack;
    private Path config;

    @BeforeEach
    void start() throws Exception {
        shop = DemoShop.start(0);
        slack = new FakeSlack();
        config = dir.resolve("alimi.yaml");
        Files.writeString(config, config(shop, slack, "KF94 100-pack", PRODUCT));
    }

    @AfterEach
    void stop() {
        shop.close();
        slack.close();
    }

    static String config(DemoShop shop, FakeSlack slack, String... namesAndProducts) {
        StringBuilder watches = new StringBuilder();
        for (int i = 0; i < namesAndProducts.length; i += 2) {
            watches.append("""
                      - name: %s
                        site: shop
                        url: %s
                        detect:
                          json-path: $.stockQuantity
                          price: $.price
                    """.formatted(namesAndProducts[i], shop.apiUrl(namesAndProducts[i + 1])));
        }
        return """
                defaults:
                  interval: 100ms
                  timeout: 2s
                sites:
                  shop:
                    base-url: %s
                    rate: 20/s
                watches:
                %s
                channels:
                  slack:
                    url: slack://%s/%s/%s
                    base-url: %s
                store: sqlite:alimi.db
                """.formatted(shop.baseUrl(), watches.toString().stripTrailing(), FakeSlack.TEAM, FakeSlack.BOT,
                FakeSlack.TOKEN, slack.baseUrl());
    }

    @Test
    void killedDuringAnEpisodeAndRestartedSendsNoSecondAlert() throws Exception {
        shop.setStock(PRODUCT, 5);
        try (ChildAlimi first = ChildAlimi.run(config, "first")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> Cli.alerts(slack).size() == 1);
            first.awaitChecks(() -> shop.hits(PATH), 3); // the alert's delivery is stored by now
            first.killHard();
        }
        try (ChildAlimi second = ChildAlimi.run(config, "second")) {
            second.awaitChecks(() -> shop.hits(PATH), 10);
            assertThat(Cli.alerts(slack)).as("the episode went on through the restart; output:%n%s", second.output()).hasSize(1);
            shop.setStock(PRODUCT, 0);
            second.awaitChecks(() -> shop.hits(PATH), 5);
            shop.setStock(PRODUCT, 7);
            await().atMost(Duration.ofSeconds(30)).until(() -> Cli.alerts(slack).size() == 2);
        }
    }

    @Test
    void aRestockWhileAlimiWasDownIsAlertedOnce() throws Exception {
        try (ChildAlimi first = ChildAlimi.run(config, "first")) {
            first.awaitChecks(() -> shop.hits(PATH), 3);
            first.killHard();
        }
        shop.setStock(PRODUCT, 5);
        try (ChildAlimi second = ChildAlimi.run(config, "second")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> Cli.alerts(slack).size() >= 1);
            second.awaitChecks(() -> shop.hits(PATH), 10);
            assertThat(Cli.alerts(slack)).as("output:%n%s", second.output()).hasSize(1);
            assertThat(Cli.alerts(slack).getFirst().body()).contains("KF94 100-pack");
        }
    }
}
