package dev.alimi.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class DemoCommandTest {

    @Test
    void demoShopFlipsAndAlertsArriveOnTheConsole() throws Exception {
        Cli cli = new Cli();
        CompletableFuture<Integer> demo = Cli.inBackground(() -> cli.run("demo", "--flip", "300ms"));
        await().atMost(Duration.ofSeconds(20)).until(() -> cli.out().contains("Try next"));
        await().atMost(Duration.ofSeconds(20)).until(() -> cli.out().contains("KF94 mask, 50-pack ·"));
        assertThat(cli.out()).contains("http://127.0.0.1:").doesNotContain("Captcha wall ·");
        cli.context.stop().stop();
        assertThat(demo.get()).isZero();
    }
}
