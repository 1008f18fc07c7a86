package dev.alimi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alimi.notify.FakeDiscord;
import dev.alimi.notify.FakeSlack;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifyTestCommandTest {

    @TempDir
    Path dir;

    @Test
    void sendsASampleAlertToANamedChannelAndReportsTheMessageId() throws Exception {
        try (FakeDiscord discord = new FakeDiscord()) {
            Path file = Cli.oneWatchConfig(dir, """
                    friends:
                      type: discord
                      url: %s
                    """.formatted(discord.webhookUrl()));
            Cli cli = new Cli();
            assertThat(cli.run("notify-test", "friends", "--config", file.toString())).as(cli.err()).isZero();
            assertThat(Cli.alerts(discord)).hasSize(1);
            assertThat(Cli.alerts(discord).getFirst().body()).contains("Alimi test alert");
            assertThat(cli.out()).contains("sent to friends").contains("message id " + FakeDiscord.FIRST_MESSAGE_ID)
                    .doesNotContain(FakeDiscord.TOKEN);
        }
    }

    @Test
    void refusedAlertExitsOneWithTheReasonAndNoSecret(@TempDir Path unused) {
        try (FakeSlack slack = new FakeSlack()) {
            // the first answer goes to the connection warm-up, the second to the alert
            slack.respondNext(404, Map.of("Content-Type", "text/plain"), "no_service");
            slack.respondNext(404, Map.of("Content-Type", "text/plain"), "no_service");
            Cli cli = new Cli();
            // the long form by URL alone is not possible, so go through a config
            Path file = Cli.oneWatchConfig(dir, """
                    team:
                      type: slack
                      url: %s
                    """.formatted(slack.webhookUrl()));
            assertThat(cli.run("notify-test", "team", "--config", file.toString())).isEqualTo(1);
            assertThat(cli.err()).contains("404").contains("no_service").doesNotContain(FakeSlack.TOKEN);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void unknownChannelNameListsTheKnownOnes() throws Exception {
        Path file = Cli.oneWatchConfig(dir, "team: slack://T000/B000/XXXX");
        Cli cli = new Cli();
        assertThat(cli.run("notify-test", "tema", "--config", file.toString())).isEqualTo(1);
        assertThat(cli.err()).contains("no channel named 'tema'").contains("team");
    }
}
