package dev.alimi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {

    private DemoShop shop;

    @BeforeEach
    void startShop() throws Exception {
        shop = DemoShop.start(0);
    }

    @AfterEach
    void stopShop() {
        shop.close();
    }

    @Test
    void liveHtmlPageInStockWithPriceAsJson() throws Exception {
        shop.setStock("kf94-50", 7);
        Cli cli = new Cli();
        int code = cli.run("check", shop.pageUrl("kf94-50").toString(), "--css", "button.buy",
                "--in-stock-text", "Add to cart", "--out-of-stock-text", "Sold out", "--price", "p.price",
                "--units", "50", "--json");
        assertThat(code).as(cli.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(cli.out());
        assertThat(json.get("availability").asText()).isEqualTo("IN_STOCK");
        assertThat(json.get("price").decimalValue()).isEqualByComparingTo("15900");
        assertThat(json.get("currency").asText()).isEqualTo("KRW");
        assertThat(json.get("unitPrice").decimalValue()).isEqualByComparingTo("318");
        assertThat(json.get("evidence").asText()).containsIgnoringCase("add to cart");
        assertThat(json.has("quantity")).isTrue();
        assertThat(json.get("detector").asText()).isNotBlank();
    }

    @Test
    void liveJsonApiSoldOutIsExitZeroAndExplained() {
        Cli cli = new Cli();
        int code = cli.run("check", shop.apiUrl("kf94-100").toString(), "--json-path", "$.stockQuantity");
        assertThat(code).isZero();
        assertThat(cli.out()).startsWith("OUT_OF_STOCK").contains("evidence:").contains("$.stockQuantity");
    }

    @Test
    void captchaPageIsNeverInStockEvenWithTheBuyPhrase() {
        Cli cli = new Cli();
        int code = cli.run("check", shop.baseUrl() + "/captcha", "--css", "body", "--in-stock-text", "Add to cart");
        assertThat(code).isZero();
        assertThat(cli.out()).startsWith("BLOCKED").contains("never alerts");
    }

    @Test
    void savedPageOffline(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("page.html");
        Files.writeString(page, "<html><body><div id=availability> In  Stock. </div>"
                + "<script>var s='Currently unavailable.'</script></body></html>");
        Cli cli = new Cli();
        int code = cli.run("check", "--file", page.toString(), "--url", "https://www.amazon.com/dp/X",
                "--css", "#availability", "--in-stock-text", "in stock", "--out-of-stock-text", "Currently unavailable", "--json");
        assertThat(code).as(cli.err()).isZero();
        assertThat(cli.out()).contains("\"availability\":\"IN_STOCK\"");
    }

    @Test
    void preorderFlagDecidesAPreOrderOffer(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("page.html");
        Files.writeString(page, "<html><head><script type=\"application/ld+json\">{\"@type\":\"Product\",\"offers\":"
                + "{\"availability\":\"https://schema.org/PreOrder\"}}</script></head><body><main>Mask</main></body></html>");
        String[] args = {"check", "--file", page.toString(), "--url", "https://shop.example/p/1", "--detect", "auto", "--json"};

        Cli without = new Cli();
        assertThat(without.run(args)).as(without.err()).isZero();
        JsonNode out = new ObjectMapper().readTree(without.out());
        assertThat(out.get("availability").asText()).isEqualTo("OUT_OF_STOCK");
        assertThat(out.get("evidence").asText()).contains("PreOrder: out of stock unless the watch says preorder: true");

        Cli with = new Cli();
        String[] withFlag = java.util.Arrays.copyOf(args, args.length + 1);
        withFlag[args.length] = "--preorder";
        assertThat(with.run(withFlag)).as(with.err()).isZero();
        assertThat(new ObjectMapper().readTree(with.out()).get("availability").asText()).isEqualTo("IN_STOCK");
    }

    @Test
    void variantFlagChoosesTheShopifyVariant(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("product.json");
        Files.writeString(file, "{\"handle\":\"mask\",\"available\":true,\"variants\":["
                + "{\"id\":111,\"available\":false,\"price\":1590},{\"id\":222,\"available\":true,\"price\":1790}]}");
        Cli cli = new Cli();
        int code = cli.run("check", "--file", file.toString(), "--url", "https://shop.example/products/mask.js",
                "--detect", "shopify", "--variant", "111");
        assertThat(code).as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("OUT_OF_STOCK").contains("variants[id=111]").contains("the watch's variant: 111");

        Cli missing = new Cli();
        assertThat(missing.run("check", "--file", file.toString(), "--url", "https://shop.example/products/mask.js",
                "--detect", "shopify", "--variant", "999")).isZero();
        assertThat(missing.out()).startsWith("UNKNOWN").contains("variant 999 not in the product's variants (ids: 111, 222)");
    }

    @Test
    void variantWithARuleIsAUsageError() {
        Cli cli = new Cli();
        assertThat(cli.run("check", "https://shop.example/p/1", "--json-path", "$.stock", "--variant", "1")).isEqualTo(2);
        assertThat(cli.err()).contains("--variant: a rule");
    }

    @Test
    void unreachableShopIsAnErrorObservationNotACrash() throws Exception {
        java.net.URI gone;
        try (DemoShop temp = DemoShop.start(0)) {
            gone = temp.pageUrl("kf94-50");
        }
        Cli cli = new Cli();
        int code = cli.run("check", gone.toString(), "--css", "button.buy", "--in-stock-text", "Add to cart", "--timeout", "1s");
        assertThat(code).isZero();
        assertThat(cli.out()).startsWith("ERROR");
    }

    @Test
    void unreadableFileFailsWithOne(@TempDir Path dir) {
        Cli cli = new Cli();
        int code = cli.run("check", "--file", dir.resolve("missing.html").toString(), "--url", "https://x.example/p",
                "--css", "button", "--in-stock-text", "Buy");
        assertThat(code).isEqualTo(1);
        assertThat(cli.err()).contains("missing.html");
    }

    @Test
    void noRuleIsAUsageErrorThatSaysWhatToWrite() {
        Cli cli = new Cli();
        int code = cli.run("check", "https://shop.example/p/1");
        assertThat(code).isEqualTo(2);
        assertThat(cli.err()).contains("--css").contains("--json-path");
    }

    @Test
    void bareCssIsAUsageErrorBecauseADisabledSoldOutButtonWouldMatch() {
        Cli cli = new Cli();
        assertThat(cli.run("check", "https://shop.example/p/1", "--css", "button.buy")).isEqualTo(2);
        assertThat(cli.err()).contains("--in-stock-text");
    }

    @Test
    void fileWithoutUrlIsAUsageError(@TempDir Path dir) {
        Cli cli = new Cli();
        assertThat(cli.run("check", "--file", dir.resolve("x.html").toString(), "--css", "b")).isEqualTo(2);
        assertThat(cli.err()).contains("--url");
    }
}
