package dev.alimi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    @TempDir
    Path dir;

    @Test
    void validConfigSaysWhatItHolds() throws Exception {
        Path file = Cli.oneWatchConfig(dir, "team: slack://T000/B000/XXXX");
        Cli cli = new Cli();
        assertThat(cli.run("validate", "--config", file.toString())).as(cli.err()).isZero();
        assertThat(cli.out()).contains("is valid").contains("1 watches").contains("1 implicit").contains("1 channels");
    }

    @Test
    void everyErrorAtOnceWithFileLineAndKeyAndNoStackTrace() throws Exception {
        Path file = dir.resolve("alimi.yaml");
        Files.writeString(file, """
                sites:
                  shop:
                    rate: fast
                watches:
                  - name: one
                    site: shpo
                    url: https://shop.example/p/1
                    detect: autp
                channels:
                  team: slack://T000/B000/XXXX
                  weird: foo://bar
                """);
        Cli cli = new Cli();
        assertThat(cli.run("validate", "--config", file.toString())).isEqualTo(1);
        String err = cli.err();
        assertThat(err).contains("alimi.yaml:3: sites.shop.rate:")
                .contains("alimi.yaml:6: watches[0].site:")
                .contains("alimi.yaml:8: watches[0].detect:")
                .contains("alimi.yaml:11: channels.weird:")
                .contains("unknown channel URL scheme 'foo'")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void variantOnAWooCommerceWatchSaysWhereTheVariationsStockIs() throws Exception {
        Path file = dir.resolve("alimi.yaml");
        Files.writeString(file, """
                watches:
                  - name: mask
                    url: https://shop.example/wp-json/wc/store/v1/products/90
                    detect: woocommerce
                    variant: 92
                    preorder: true
                """);
        Cli cli = new Cli();
        assertThat(cli.run("validate", "--config", file.toString())).isEqualTo(1);
        assertThat(cli.err()).contains("alimi.yaml:5: watches[0].variant: the woocommerce recipe cannot choose a variation")
                .contains("/wp-json/wc/store/v1/products/<variation-id>");
    }

    @Test
    void missingFileIsOneClearError() {
        Cli cli = new Cli();
        assertThat(cli.run("validate", "--config", dir.resolve("nope.yaml").toString())).isEqualTo(1);
        assertThat(cli.err()).contains("nope.yaml");
    }
}
