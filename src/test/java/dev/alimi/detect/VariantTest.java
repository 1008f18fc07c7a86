package dev.alimi.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alimi.model.Availability;
import dev.alimi.model.DetectSpec;
import dev.alimi.model.Observation;
import dev.alimi.model.Page;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** {@code variant: <id>}: the chosen variant alone decides; an id the answer does not list is UNKNOWN. */
class VariantTest {

    private static final String JS = "https://shop.example/products/kf94-mask.js";

    private final Detection detection = new Detection(DetectorRegistry.standard());

    private Observation decide(String recipe, String variant, Page page) {
        return detection.decide(TestPages.watch(new DetectSpec.Recipe(recipe)).withVariant(variant), page);
    }

    private static Page json(String url, String resource) {
        return TestPages.page(200, URI.create(url), "application/json", TestPages.resource(resource));
    }

    @Test
    void shopifyVariantByKeyDecidesAvailabilityAndPrice() {
        Observation o = decide("shopify", "222", json(JS, "recipes/shopify-product.js"));

        assertThat(o.availability()).as(o.evidence()).isEqualTo(Availability.IN_STOCK);
        assertThat(o.price()).isEqualByComparingTo("17.90");
        assertThat(o.evidence()).isEqualTo("product.js.variants[id=222] available true; price 17.90 (the watch's variant: 222)");
    }

    @Test
    void shopifyVariantByKeyDecidesTheQuantity() {
        String url = "https://shop.example/admin/api/2024-01/products/7001.json";
        Observation black100 = decide("shopify", "39402347", json(url, "variant/shopify-admin-product.json"));
        assertThat(black100.availability()).isEqualTo(Availability.IN_STOCK);
        assertThat(black100.quantity()).isEqualTo(3L);
        assertThat(black100.price()).isEqualByComparingTo("84.90");

        Observation white = decide("shopify", "39402345", json(url, "variant/shopify-admin-product.json"));
        assertThat(white.availability()).as("other variants in stock do not count").isEqualTo(Availability.OUT_OF_STOCK);
        assertThat(white.quantity()).isNull();

        Observation product = decide("shopify", null, json(url, "variant/shopify-admin-product.json"));
        assertThat(product.quantity()).as("without a variant, all of them").isEqualTo(15L);
    }

    @Test
    void shopifyVariantByUrlStillWorks() {
        Observation o = decide("shopify", null, json(JS + "?variant=222", "recipes/shopify-product.js"));

        assertThat(o.availability()).isEqualTo(Availability.IN_STOCK);
        assertThat(o.evidence()).contains("variants[id=222]").endsWith("(the URL's ?variant=)");
    }

    @Test
    void theWatchsVariantWinsOverTheUrls() {
        Observation o = decide("shopify", "111", json(JS + "?variant=222", "recipes/shopify-product.js"));

        assertThat(o.availability()).isEqualTo(Availability.OUT_OF_STOCK);
        assertThat(o.evidence()).contains("variants[id=111] available false")
                .endsWith("(the watch's variant: 111, over the URL's ?variant=222)");
    }

    @Test
    void aMissingVariantIsUnknownNeverTheProductsAvailability() {
        // The product says available true, and variant 222 is in stock: neither is variant 999.
        Observation o = decide("shopify", "999", json(JS, "recipes/shopify-product.js"));

        assertThat(o.availability()).isEqualTo(Availability.UNKNOWN);
        assertThat(o.evidence()).startsWith("variant 999 not in the product's variants (ids: 111, 222)");
        assertThat(o.price()).isNull();
    }

    @Test
    void autoReadsTheVariantFromShopifyJsonAndEmbeddedProductJson() {
        assertThat(decide("auto", "222", json(JS, "recipes/shopify-product.js")).availability()).isEqualTo(Availability.IN_STOCK);

        Page page = new Page(URI.create("https://shop.example/products/kf94-mask"), 200, "text/html",
                TestPages.resource("recipes/shopify-product-page.html"), TestPages.AT);
        Observation embedded = decide("auto", "111", page);
        assertThat(embedded.availability()).as(embedded.evidence()).isEqualTo(Availability.OUT_OF_STOCK);
        assertThat(embedded.detector()).isEqualTo("auto/shopify");
        assertThat(decide("auto", "999", page).availability()).isEqualTo(Availability.UNKNOWN);
    }

    @Test
    void autoWithAVariantIgnoresWholeProductMetadata() {
        Observation o = decide("auto", "39402345", TestPages.html(TestPages.resource("variant/jsonld-instock.html")));

        assertThat(o.availability()).as("json-ld InStock speaks for the whole product").isEqualTo(Availability.UNKNOWN);
        assertThat(o.evidence()).startsWith("variant 39402345 cannot be chosen");
    }

    @Test
    void wooCommerceVariationsCarryNoStockSoTheAnswerIsUnknownWithAdvice() {
        Page page = json("https://shop.example/wp-json/wc/store/v1/products/90", "variant/woo-variable-product.json");

        Observation listed = decide("woocommerce", "92", page);
        assertThat(listed.availability()).isEqualTo(Availability.UNKNOWN);
        assertThat(listed.evidence()).contains("lists variation 92").contains("/wp-json/wc/store/v1/products/<variation-id>");

        Observation missing = decide("woocommerce", "93", page);
        assertThat(missing.availability()).isEqualTo(Availability.UNKNOWN);
        assertThat(missing.evidence()).startsWith("variant 93 not in the product's variations (ids: 91, 92)");
    }

    @Test
    void wooCommerceVariationAtItsOwnUrlOrInAListDecides() {
        Page own = TestPages.json("{\"id\":92,\"type\":\"variation\",\"is_in_stock\":false}");
        assertThat(decide("woocommerce", "92", own).availability()).isEqualTo(Availability.OUT_OF_STOCK);

        Page list = TestPages.json("[{\"id\":91,\"is_in_stock\":true},{\"id\":92,\"is_in_stock\":false}]");
        assertThat(decide("woocommerce", "91", list).availability()).isEqualTo(Availability.IN_STOCK);
        assertThat(decide("woocommerce", "92", list).availability()).isEqualTo(Availability.OUT_OF_STOCK);
        Observation missing = decide("woocommerce", "93", list);
        assertThat(missing.availability()).isEqualTo(Availability.UNKNOWN);
        assertThat(missing.evidence()).isEqualTo("variant 93 not in the Store API list (ids: 91, 92)");
    }

    @Test
    void registrySaysWhichSpecsCanChooseAVariant() {
        DetectorRegistry registry = DetectorRegistry.standard();
        URI plain = URI.create("https://shop.example/products/kf94-mask");

        assertThat(registry.variantProblem(new DetectSpec.Recipe("shopify"), plain)).isEmpty();
        assertThat(registry.variantProblem(new DetectSpec.Recipe("auto"), plain)).isEmpty();
        assertThat(registry.variantProblem(new DetectSpec.Recipe("woocommerce"), plain)).get().asString()
                .contains("/wp-json/wc/store/v1/products/<variation-id>");
        assertThat(registry.variantProblem(new DetectSpec.Recipe("auto"),
                URI.create("https://shop.example/wp-json/wc/store/v1/products/90"))).get().asString().contains("woocommerce");
        assertThat(registry.variantProblem(new DetectSpec.Recipe("auto"),
                URI.create("https://smartstore.naver.com/s/products/1"))).get().asString().contains("naver-smartstore");
        assertThat(registry.variantProblem(new DetectSpec.Recipe("json-ld"), plain)).get().asString()
                .contains("cannot choose a variant");
        assertThat(registry.variantProblem(TestPages.jsonPath("$.stock"), plain)).get().asString().contains("a rule");
    }
}
