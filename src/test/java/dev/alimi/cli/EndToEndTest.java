package dev.alimi.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.alimi.notify.FakeDiscord;
import dev.alimi.notify.FakeReceiver;
import dev.alimi.notify.FakeSlack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Config file → {@code alimi run} in-process → stock flips on a fake shop → Slack and Discord receivers. */
class EndToEndTest {

    @TempDir
    Path dir;

    private DemoShop shop;
    private FakeSlack slack;
    private FakeDiscord discord;
    private Cli cli;
    private CompletableFuture<Integer> running;

    @BeforeEach
    void start() throws Exception {
        shop = DemoShop.start(0);
        slack = new FakeSlack();
        discord = new FakeDiscord();
        cli = new Cli();
    }

    @AfterEach
    void stop() throws Exception {
        cli.context.stop().stop();
        if (running != null) assertThat(running.get()).as("exit code of run; stderr:%n%s", cli.err()).isZero();
        shop.close();
        slack.close();
        discord.close();
    }

    private String config(String extraWatches) {
        String base = shop.baseUrl().toString();
        return """
                defaults:
                  interval: 100ms
                  timeout: 2s
                sites:
                  shop:
                    base-url: %1$s
                    rate: 5/s
                watches:
                  - name: KF94 <!channel> 50-pack
                    site: shop
                    url: %1$s/products/kf94-50
                    detect:
                      css: button.buy
                      in-stock-text: ["Add to cart"]
                      out-of-stock-text: ["Sold out"]
                      price: p.price
                    tags: [mask]
                  - name: KF94 100-pack API
                    site: shop
                    url: %1$s/api/products/kf94-100
                    detect:
                      json-path: $.stockQuantity
                      price: $.price
                    tags: [mask]
                  - name: Hand gel GraphQL
                    site: shop
                    url: %1$s/graphql
                    link: %1$s/products/hand-gel
                    graphql:
                      query: "query($id: ID!) { product(id: $id) { status stockQuantity } }"
                      variables: { id: "hand-gel" }
                    detect:
                      in-stock: { json-path: $.data.product.status, equals: SALE }
                    tags: [mask]
                  - name: Hand gel API by regex
                    site: shop
                    url: %1$s/api/products/hand-gel
                    detect:
                      regex: '"stockQuantity":([1-9][0-9]*)'
                      out-of-stock-regex: '"stockQuantity":0[,}]'
                    tags: [mask]
                  - name: Captcha wall
                    site: shop
                    url: %1$s/captcha
                    detect: { css: body, in-stock-text: ["Add to cart"] }
                    tags: [mask]
                  - name: Login wall
                    site: shop
                    url: %1$s/login
                    detect: { css: body, in-stock-text: ["Add to cart"] }
                    tags: [mask]
                  - name: Broken server
                    site: shop
                    url: %1$s/error
                    detect: { css: body, in-stock-text: ["Add to cart"] }
                    tags: [mask]
                %3$s
                channels:
                  team-slack:
                    url: slack://%4$s/%5$s/%6$s
                    base-url: %2$s
                  friends:
                    type: discord
                    url: %7$s
                routes:
                  - to: [team-slack, friends]
                    tags: [mask]
                """.formatted(base, slack.baseUrl(), extraWatches, FakeSlack.TEAM, FakeSlack.BOT, FakeSlack.TOKEN,
                discord.webhookUrl());
    }

    /** The same config at 20/s, for tests that only need many checks quickly. */
    private static String fast(String config) {
        return config.replace("rate: 5/s", "rate: 20/s");
    }

    private Path writeConfig(String text) throws Exception {
        Path file = dir.resolve("alimi.yaml");
        Files.writeString(file, text);
        return file;
    }

    private void run(Path file) {
        running = Cli.inBackground(() -> cli.run("run", "--config", file.toString()));
    }

    private void awaitChecks(String path, long more) {
        long target = shop.hits(path) + more;
        await().atMost(Duration.ofSeconds(10)).until(() -> shop.hits(path) >= target);
    }

    @Test
    void restockReachesBothReceiversOnceAndDoubtNeverAlerts() throws Exception {
        run(writeConfig(config("")));
        for (String path : List.of("/products/kf94-50", "/api/products/kf94-100", "/graphql", "/api/products/hand-gel",
                "/captcha", "/login", "/error")) {
            awaitChecks(path, 3);
        }
        assertThat(Cli.alerts(slack)).as("all sold out, and doubt never alerts").isEmpty();
        assertThat(Cli.alerts(discord)).isEmpty();

        shop.setStock("kf94-50", 12);
        List<FakeReceiver.Request> toSlack = Cli.awaitAlerts(slack, 1);
        List<FakeReceiver.Request> toDiscord = Cli.awaitAlerts(discord, 1);
        assertThat(toSlack.getFirst().body())
                .contains("KF94 &lt;!channel&gt; 50-pack")
                .contains(shop.pageUrl("kf94-50").toString())
                .contains("12");
        assertThat(toDiscord.getFirst().body())
                .contains("KF94")
                .contains(shop.pageUrl("kf94-50").toString())
                .contains("\"allowed_mentions\":{\"parse\":[]}");
        assertThat(toDiscord.getFirst().query()).contains("wait=true");

        // still in stock for many more checks: no second alert for the same episode
        awaitChecks("/products/kf94-50", 5);
        assertThat(Cli.alerts(slack)).hasSize(1);
        assertThat(Cli.alerts(discord)).hasSize(1);

        // the JSON API, GraphQL and regex watches restock too
        shop.setStock("kf94-100", 3);
        shop.setStock("hand-gel", 1);
        assertThat(Cli.awaitAlerts(slack, 4)).extracting(FakeReceiver.Request::body)
                .anySatisfy(b -> assertThat(b).contains("KF94 100-pack API"))
                .anySatisfy(b -> assertThat(b).contains("Hand gel GraphQL").contains(shop.pageUrl("hand-gel").toString()))
                .anySatisfy(b -> assertThat(b).contains("Hand gel API by regex"));
        Cli.awaitAlerts(discord, 4);

        // sold out: the Discord message is edited in place (live update), then back: a new episode alerts again
        shop.setStock("kf94-50", 0);
        awaitChecks("/products/kf94-50", 3);
        await().atMost(Duration.ofSeconds(15)).until(() -> discord.received().stream().anyMatch(r ->
                r.method().equals("PATCH") && r.path().endsWith("/messages/" + FakeDiscord.FIRST_MESSAGE_ID)));
        assertThat(discord.received()).filteredOn(r -> r.method().equals("PATCH")).first()
                .satisfies(r -> assertThat(r.body()).containsIgnoringCase("sold out"));
        shop.setStock("kf94-50", 4);
        Cli.awaitAlerts(slack, 5);
        Cli.awaitAlerts(discord, 5);

        awaitChecks("/captcha", 2);
        assertThat(Cli.alerts(slack)).extracting(FakeReceiver.Request::body)
                .noneMatch(b -> b.contains("Captcha wall") || b.contains("Login wall") || b.contains("Broken server"));
        assertThat(Cli.alerts(slack)).hasSize(5);
        assertThat(Cli.alerts(discord)).hasSize(5);
    }

    @Test
    void configEditsApplyLiveAndBrokenEditsKeepTheRunningConfig() throws Exception {
        Path file = writeConfig(fast(config("")));
        run(file);
        awaitChecks("/products/kf94-50", 2);
        assertThat(shop.hits("/products/hand-gel")).isZero();

        // a broken edit: the running config keeps checking
        Files.writeString(file, config("").replace("rate: 5/s", "rate: fast"));
        awaitChecks("/products/kf94-50", 10);

        // a good edit adds a watch (a lane's watch list changes in place)
        String extra = """
                  - name: Hand gel page
                    site: shop
                    url: %s/products/hand-gel
                    detect: { css: button.buy, in-stock-text: ["Add to cart"], out-of-stock-text: ["Sold out"] }
                    tags: [mask]
                """.formatted(shop.baseUrl());
        Files.writeString(file, fast(config(extra)));
        awaitChecks("/products/hand-gel", 2);

        // state is kept across the reload: a product in stock before the edit alerts once, not again
        shop.setStock("kf94-50", 2);
        Cli.awaitAlerts(slack, 1);
        Files.writeString(file, config(extra).replace("rate: 5/s", "rate: 10/s"));
        awaitChecks("/products/kf94-50", 6);
        assertThat(Cli.alerts(slack)).hasSize(1);
    }

    @Test
    void aBlockedSiteTellsTheAdminChannelOnce() throws Exception {
        try (FakeSlack ops = new FakeSlack()) {
            String walled = """
                      - name: Behind the wall
                        site: walled
                        url: %s/captcha
                        detect: { css: body, in-stock-text: ["Add to cart"] }
                    """.formatted(shop.baseUrl());
            String text = fast(config(walled))
                    .replace("sites:\n", "sites:\n  walled:\n    base-url: " + shop.baseUrl() + "\n    rate: 20/s\n")
                    .replace("routes:", """
                      ops:
                        url: slack://%s/%s/%s
                        base-url: %s
                    admin: [ops]
                    routes:""".formatted(FakeSlack.TEAM, FakeSlack.BOT, FakeSlack.TOKEN, ops.baseUrl()));
            run(writeConfig(text));
            List<FakeReceiver.Request> notices = Cli.awaitAlerts(ops, 1);
            assertThat(notices.getFirst().body()).contains("site blocked").contains("walled");
            awaitChecks("/captcha", 10);
            assertThat(Cli.alerts(ops)).as("once per incident").hasSize(1);
            assertThat(Cli.alerts(slack)).as("a notice is not an alert").noneMatch(r -> r.body().contains("site blocked"));
        }
    }

    /** A large price change edits the Discord alert in place, logs one UPDATE line; the sell-out edits it again. */
    @Test
    void aPriceChangeEditsTheSentAlertAndTheRunLogsIt() throws Exception {
        ch.qos.logback.classic.Logger alimi = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("alimi");
        var logs = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        logs.start();
        alimi.addAppender(logs);
        alimi.setLevel(ch.qos.logback.classic.Level.INFO);
        try {
            run(writeConfig(fast(config(""))));
            awaitChecks("/api/products/kf94-100", 2);
            shop.setStock("kf94-100", 20);
            Cli.awaitAlerts(discord, 1);
            awaitChecks("/api/products/kf94-100", 2);
            assertThat(patches()).isEmpty();

            shop.setPrice("kf94-100", 35_900); // +20% against the alert's 29,900
            await().atMost(Duration.ofSeconds(15)).until(() -> !patches().isEmpty());
            assertThat(patches()).singleElement().satisfies(r -> {
                assertThat(r.path()).endsWith("/messages/" + FakeDiscord.FIRST_MESSAGE_ID);
                assertThat(r.body()).contains("price now 35,900").contains("was 29,900");
            });
            awaitChecks("/api/products/kf94-100", 5);
            assertThat(patches()).as("told once: the next checks see what was told").hasSize(1);
            assertThat(logs.list).extracting(e -> e.getFormattedMessage())
                    .filteredOn(m -> m.startsWith("UPDATE ")).singleElement()
                    .satisfies(m -> assertThat(m).startsWith("UPDATE KF94 100-pack API 💸 price now 35,900 (was 29,900)")
                            .contains("friends").contains("ms after detection"));

            shop.setStock("kf94-100", 0);
            await().atMost(Duration.ofSeconds(15)).until(() -> patches().size() == 2);
            assertThat(patches().getLast().path()).endsWith("/messages/" + FakeDiscord.FIRST_MESSAGE_ID);
            assertThat(patches().getLast().body()).containsIgnoringCase("sold out");
            assertThat(Cli.alerts(discord)).as("edits, never a second alert").hasSize(1);
        } finally {
            alimi.detachAppender(logs);
            alimi.setLevel(null);
        }
    }

    private List<FakeReceiver.Request> patches() {
        return discord.received().stream().filter(r -> r.method().equals("PATCH")).toList();
    }

    @Test
    void invalidConfigStartsNothingAndSaysWhere() throws Exception {
        Path file = writeConfig(config("").replace("site: shop\n    url: " + shop.baseUrl() + "/captcha",
                "site: shpo\n    url: " + shop.baseUrl() + "/captcha"));
        int code = cli.run("run", "--config", file.toString());
        assertThat(code).isEqualTo(1);
        assertThat(cli.err()).contains("alimi.yaml:").contains("shpo").contains("nothing started");
        assertThat(shop.hits("/products/kf94-50")).isZero();
    }
}
