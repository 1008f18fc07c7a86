package dev.alimi.detect;

import static dev.alimi.detect.TestPages.watch;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alimi.model.Availability;
import dev.alimi.model.DetectSpec;
import dev.alimi.model.Observation;
import dev.alimi.model.Page;
import dev.alimi.model.ValueSelector;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real shop pages from the shared corpus (system property {@code alimi.fixtures}); never copied here. */
class RealFixturesTest {

    private final Detection detection = new Detection(DetectorRegistry.standard());

    private static Path corpus() {
        String dir = System.getProperty("alimi.fixtures");
        Path path = dir == null ? null : Path.of(dir);
        if (path == null || !Files.isRegularFile(path.resolve("MANIFEST.tsv"))) {
            String message = "real-page corpus not found at alimi.fixtures=" + dir
                    + " (set -Dalimi.fixtures=/path/to/shared/fixtures)";
            if ("1".equals(System.getenv("ALIMI_REQUIRE_SERVICES"))) Assertions.fail(message);
            Assumptions.abort(message);
        }
        return path;
    }

    private static Page load(String file) {
        try {
            String body = Files.readString(corpus().resolve(file), StandardCharsets.UTF_8);
            String type = file.endsWith(".json") ? "application/json" : "text/html; charset=utf-8";
            return new Page(URI.create("https://fixture.example/" + file), 200, type, body, TestPages.AT);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "bot-block/cloudflare_iuam_just_a_moment_2021.html",
        "bot-block/amazon_co_uk_robot_check_captcha_2021.html",
        "bot-block/akamai_access_denied_2021.html",
    })
    void botWallsAreBlocked(String file) {
        Observation o = detection.decide(watch(TestPages.css("#availability", List.of("In Stock"), List.of())), load(file));

        assertThat(o.availability()).isEqualTo(Availability.BLOCKED);
        assertThat(o.detector()).isEqualTo("triage");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "amazon/amazon_com_gorilla_tape_instock.html",
        "amazon/amazon_com_led_sconce_instock.html",
        "etsy/etsy_es_calabaza_mat_instock.html",
        "jossandmain/jossandmain_duprey_pendant_instock.html",
        "rejuvenation/rejuvenation_keystick_sconce_og_instock.html",
        "fye/fye_better_off_dead_og_instock.html",
        "naver/smartstore_i_v2_product_4652047451_SALE.json",
        "shopify/shopify_admin_products_natural_elements_de.json",
        "woocommerce/wc_store_api_products_hichamwootest.json",
    })
    void productPagesPassTriage(String file) {
        // A presence-only rule on <body>: anything but IN_STOCK here means triage stopped the page.
        DetectSpec.Rule anyBody = file.endsWith(".json") ? TestPages.jsonPath("$..*") : TestPages.css("body", null, null);
        Observation o = detection.decide(watch(anyBody), load(file));

        assertThat(o.detector()).isNotEqualTo("triage");
        assertThat(o.availability()).isNotIn(Availability.BLOCKED, Availability.ERROR);
    }

    @ParameterizedTest
    @ValueSource(strings = {"amazon/amazon_com_gorilla_tape_instock.html", "amazon/amazon_com_led_sconce_instock.html"})
    void amazonAvailabilityBlockIsInStock(String file) {
        Observation o = detection.decide(watch(TestPages.css("#availability", List.of("In Stock"),
                List.of("Currently unavailable"))), load(file));

        assertThat(o.availability()).isEqualTo(Availability.IN_STOCK);
        assertThat(o.evidence()).isEqualTo("css \"#availability\" text \"In Stock.\" matches in-stock-text \"In Stock\"");
    }

    @Test
    void amazonScriptTrapDoesNotCountAnywhereOnThePage() {
        Page page = load("amazon/amazon_com_gorilla_tape_instock.html");
        assertThat(page.body()).contains("\"Currently unavailable.\"");

        Observation o = detection.decide(watch(TestPages.css("body", List.of(), List.of("Currently unavailable"))), page);

        assertThat(o.availability()).isEqualTo(Availability.UNKNOWN);
    }

    @Test
    void smartStoreQuantityStatusAndPrice() {
        DetectSpec.Rule rule = new DetectSpec.Rule(null, null, null, "$.stockQuantity",
                TestPages.equalsAt(ValueSelector.jsonPath("$.productStatusType"), "SALE"), null, null,
                ValueSelector.jsonPath("$.benefitsView.discountedSalePrice"));
        Observation o = detection.decide(watch(rule), load("naver/smartstore_i_v2_product_4652047451_SALE.json"));

        assertThat(o.availability()).isEqualTo(Availability.IN_STOCK);
        assertThat(o.quantity()).isEqualTo(399383L);
        assertThat(o.price()).isEqualByComparingTo("45000");
        assertThat(o.evidence()).contains("$.productStatusType = \"SALE\" equals \"SALE\"");
    }

    @Test
    void smartStoreOutOfStockConditionOnTheSamePageIsOutOfStock() {
        DetectSpec.Rule rule = TestPages.condition(
                TestPages.equalsAt(ValueSelector.jsonPath("$.productStatusType"), "OUTOFSTOCK"));
        Observation o = detection.decide(watch(rule), load("naver/smartstore_i_v2_product_4652047451_SALE.json"));

        assertThat(o.availability()).isEqualTo(Availability.OUT_OF_STOCK);
    }

    @Test
    void shopifyVariantInventoryIsSummed() {
        DetectSpec.Rule rule = TestPages.withPrice(TestPages.jsonPath("$.products[0].variants[*].inventory_quantity"),
                ValueSelector.jsonPath("$.products[0].variants[0].price"));
        Observation o = detection.decide(watch(rule), load("shopify/shopify_admin_products_natural_elements_de.json"));

        assertThat(o.availability()).isEqualTo(Availability.IN_STOCK);
        assertThat(o.quantity()).isEqualTo(3764L);
        assertThat(o.price()).isEqualByComparingTo("44.17");
    }

    @Test
    void wooCommerceIsInStockBoolean() {
        Page page = load("woocommerce/wc_store_api_products_hichamwootest.json");

        Observation one = detection.decide(watch(TestPages.jsonPath("$[0].is_in_stock")), page);
        assertThat(one.availability()).isEqualTo(Availability.IN_STOCK);
        assertThat(one.evidence()).isEqualTo("json-path $[0].is_in_stock = true");

        Observation all = detection.decide(watch(TestPages.jsonPath("$[*].is_in_stock")), page);
        assertThat(all.availability()).isEqualTo(Availability.IN_STOCK);
        assertThat(all.evidence()).endsWith("10 of 10 true");
    }
}
