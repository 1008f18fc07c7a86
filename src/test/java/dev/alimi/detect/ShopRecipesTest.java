package dev.alimi.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alimi.model.Availability;
import dev.alimi.model.DetectSpec;
import dev.alimi.model.Observation;
import dev.alimi.model.Page;
import java.math.BigDecimal;
import java.net.URI;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each shop recipe on its own synthetic pages, by name and through {@code auto} (host or JSON shape). */
class ShopRecipesTest {

    private final Detection detection = new Detection(DetectorRegistry.standard());

    /**
     * One recipe case.
     *
     * @param recipe   the recipe's name
     * @param resource a page under recipes/
     * @param url      where the page came from (auto picks by it)
     * @param expected availability
     * @param quantity expected quantity or null
     * @param price    expected price or null
     * @param currency expected currency or null
     * @param evidence a part of the evidence
     */
    record Case(String recipe, String resource, String url, Availability expected, Long quantity, String price,
            String currency, String evidence) {
        @Override
        public String toString() {
            return recipe + " " + resource + " " + url;
        }

        Page page() {
            String body = TestPages.resource("recipes/" + resource);
            String type = resource.endsWith(".html") ? "text/html; charset=utf-8" : "application/json";
            return new Page(URI.create(url), 200, type, body, TestPages.AT);
        }
    }

    static Stream<Arguments> cases() {
        String store = "https://smartstore.naver.com/maskshop/products/5012345678";
        return Stream.of(
                new Case("naver-smartstore", "smartstore-state-sale.html", store, Availability.IN_STOCK, 37L, "12900", "KRW",
                        "__PRELOADED_STATE__ product 5012345678 productStatusType \"SALE\", stockQuantity 37"),
                new Case("naver-smartstore", "smartstore-state-outofstock.html", store, Availability.OUT_OF_STOCK, null,
                        "15900", "KRW", "productStatusType \"OUTOFSTOCK\""),
                new Case("naver-smartstore", "smartstore-api-suspension.json",
                        "https://smartstore.naver.com/i/v2/channels/x/products/5012345678", Availability.OUT_OF_STOCK,
                        null, "14900", "KRW", "\"SUSPENSION\", stockQuantity 120 (not on sale)"),
                new Case("coupang", "coupang-instock.html", "https://www.coupang.com/vp/products/123?itemId=456",
                        Availability.IN_STOCK, 12L, "15900", "KRW", "\".prod-buy\" without \"sold-out\", 12 left"),
                new Case("coupang", "coupang-soldout.html", "https://www.coupang.com/vp/products/123?itemId=456",
                        Availability.OUT_OF_STOCK, null, "15900", "KRW", "\".oos-label\" text \"일시품절\""),
                new Case("shopify", "shopify-product.js", "https://shop.example/products/kf94-mask.js",
                        Availability.IN_STOCK, null, "17.90", null, "1 of 2 variants in stock"),
                new Case("shopify", "shopify-product.js", "https://shop.example/products/kf94-mask.js?variant=111",
                        Availability.OUT_OF_STOCK, null, "15.90", null, "variants[id=111] available false"),
                new Case("shopify", "shopify-product.json", "https://shop.example/products/kf94-mask.json",
                        Availability.OUT_OF_STOCK, null, "15.90", null, "0 of 2 variants in stock"),
                new Case("shopify", "shopify-product-page.html", "https://shop.example/products/kf94-mask",
                        Availability.OUT_OF_STOCK, null, "15.90", null, "page's embedded product.js available false"),
                new Case("woocommerce", "woo-store-api-product.json", "https://shop.example/wp-json/wc/store/v1/products/77",
                        Availability.IN_STOCK, 2L, "12.99", "EUR", "is_in_stock true, low_stock_remaining 2"),
                new Case("woocommerce", "woo-product-outofstock.html", "https://shop.example/product/kf94-mask/",
                        Availability.OUT_OF_STOCK, null, null, null, "\".stock.out-of-stock\" \"Out of stock\""),
                new Case("woocommerce", "woo-product-instock.html", "https://shop.example/product/kf94-mask/",
                        Availability.IN_STOCK, 3L, null, null, "\".stock.in-stock\" \"3 in stock\""),
                new Case("graphql", "graphql-low-stock.json", "https://shop.example/graphql", Availability.IN_STOCK, null,
                        "19.99", "USD", "$.data.product.variants[1].stockLevel = \"LOW_STOCK\" (few left, count unknown)"),
                new Case("graphql", "graphql-out-of-stock.json", "https://shop.example/graphql", Availability.OUT_OF_STOCK,
                        null, null, null, "$.data.product.variants[0].stockLevel = \"OUT_OF_STOCK\"")
        ).map(Arguments::of);
    }

    private Observation decide(String recipe, Page page) {
        return detection.decide(TestPages.watch(new DetectSpec.Recipe(recipe)), page);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void recipeByName(Case c) {
        Observation o = decide(c.recipe(), c.page());

        assertThat(o.availability()).as(o.evidence()).isEqualTo(c.expected());
        assertThat(o.detector()).isEqualTo(c.recipe());
        assertThat(o.quantity()).as("quantity; %s", o.evidence()).isEqualTo(c.quantity());
        if (c.price() == null) {
            assertThat(o.price()).isNull();
        } else {
            assertThat(o.price()).as("price; %s", o.evidence()).isEqualByComparingTo(new BigDecimal(c.price()));
        }
        assertThat(o.currency()).isEqualTo(c.currency());
        assertThat(o.evidence()).contains(c.evidence());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void autoAgreesWithTheRecipe(Case c) {
        Observation o = decide("auto", c.page());

        assertThat(o.availability()).as(o.evidence()).isEqualTo(c.expected());
        assertThat(o.detector()).startsWith("auto");
        assertThat(o.quantity()).as("quantity; %s", o.evidence()).isEqualTo(c.quantity());
    }

    @Test
    void smartStoreStateWithSeveralProductsAndNoProductNumberIsUnknown() {
        Page page = new Page(URI.create("https://smartstore.naver.com/maskshop"), 200, "text/html",
                "<script>window.__PRELOADED_STATE__={\"a\":{\"productStatusType\":\"SALE\",\"stockQuantity\":3},"
                        + "\"b\":{\"productStatusType\":\"OUTOFSTOCK\",\"stockQuantity\":0}}</script>", TestPages.AT);

        Observation o = decide("naver-smartstore", page);

        assertThat(o.availability()).isEqualTo(Availability.UNKNOWN);
        assertThat(o.evidence()).contains("2 products with different statuses");
    }

    @Test
    void jsonLdRecipeNamesTheMetadataThatDecided() {
        Observation ld = decide("json-ld", TestPages.html("<script type=application/ld+json>{\"@type\":\"Product\","
                + "\"offers\":{\"availability\":\"InStock\"}}</script><main>품절</main>"));
        assertThat(ld.availability()).as("json-ld alone has no text veto").isEqualTo(Availability.IN_STOCK);
        assertThat(ld.detector()).isEqualTo("json-ld");

        Observation og = decide("json-ld", TestPages.html("<meta property=og:availability content=oos><main>x</main>"));
        assertThat(og.availability()).isEqualTo(Availability.OUT_OF_STOCK);
        assertThat(og.detector()).isEqualTo("json-ld/opengraph");
    }

    @Test
    void smartStoreSaleWithZeroStockIsOutOfStock() {
        Observation o = decide("naver-smartstore", TestPages.json("{\"productStatusType\":\"SALE\",\"stockQuantity\":0}"));

        assertThat(o.availability()).isEqualTo(Availability.OUT_OF_STOCK);
    }

    @Test
    void shopifyUnknownVariantIsUnknown() {
        Page page = new Page(URI.create("https://shop.example/products/kf94-mask.js?variant=999"), 200, "application/json",
                TestPages.resource("recipes/shopify-product.js"), TestPages.AT);

        Observation o = decide("shopify", page);

        assertThat(o.availability()).isEqualTo(Availability.UNKNOWN);
        assertThat(o.evidence()).startsWith("variant 999 not in the product's variants (ids: 111, 222) (the URL's ?variant=)");
    }

    @Test
    void wooCommerceGroupedProductInStockButNotPurchasableIsUnknown() {
        Observation o = decide("woocommerce", TestPages.json(
                "{\"id\":61,\"type\":\"grouped\",\"is_in_stock\":true,\"is_purchasable\":false}"));

        assertThat(o.availability()).isEqualTo(Availability.UNKNOWN);
        assertThat(o.evidence()).contains("is_purchasable false (grouped product)");
    }

    @Test
    void wooCommerceMinorUnitExponentIsApplied() {
        Observation o = decide("woocommerce", TestPages.json("{\"is_in_stock\":true,\"prices\":{\"price\":\"18000\","
                + "\"currency_code\":\"KRW\",\"currency_minor_unit\":0}}"));

        assertThat(o.price()).isEqualByComparingTo("18000");
        assertThat(o.currency()).isEqualTo("KRW");
    }

    @Test
    void graphQlErrorsWithoutDataAreErrors() {
        Observation o = decide("graphql", TestPages.json("{\"errors\":[{\"message\":\"Variable $id is required\"}]}"));

        assertThat(o.availability()).isEqualTo(Availability.ERROR);
        assertThat(o.evidence()).contains("Variable $id is required");
    }

    @Test
    void coupangAkamaiBlockIsBlockedByTriage() {
        String akamai = "<HTML><HEAD><TITLE>Access Denied</TITLE></HEAD><BODY><H1>Access Denied</H1>"
                + "You don't have permission to access \"http&#58;&#47;&#47;www&#46;coupang&#46;com&#47;\" on this server.<P>"
                + "Reference&#32;&#35;18&#46;1</BODY></HTML>";
        for (int status : new int[] {200, 403}) {
            Observation o = decide("coupang", new Page(URI.create("https://www.coupang.com/vp/products/1"), status,
                    "text/html", akamai, TestPages.AT));
            assertThat(o.availability()).isEqualTo(Availability.BLOCKED);
            assertThat(o.evidence()).contains("Akamai access denied page");
        }
    }
}
