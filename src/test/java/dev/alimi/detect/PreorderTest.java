package dev.alimi.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alimi.model.Availability;
import dev.alimi.model.DetectSpec;
import dev.alimi.model.Observation;
import dev.alimi.model.Page;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code preorder: true|false}: pre-order, pre-sale and back-order read as their own evidence, out unless the watch takes them. */
class PreorderTest {

    private static final String TAKEN = "in stock because the watch says preorder: true";
    private static final String NOT_TAKEN = "out of stock unless the watch says preorder: true";

    private final Detection detection = new Detection(DetectorRegistry.standard());

    private Observation decide(String recipe, boolean preorder, Page page) {
        return detection.decide(TestPages.watch(new DetectSpec.Recipe(recipe)).withPreorder(preorder), page);
    }

    private Observation auto(String resource, boolean preorder) {
        return decide("auto", preorder, TestPages.html(TestPages.resource("preorder/" + resource)));
    }

    @ParameterizedTest(name = "{0} preorder={1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "jsonld-preorder.html     | false | OUT_OF_STOCK | auto/json-ld   | json-ld Product offer availability \"https://schema.org/PreOrder\" (PreOrder: ",
        "jsonld-preorder.html     | true  | IN_STOCK     | auto/json-ld   | json-ld Product offer availability \"https://schema.org/PreOrder\" (PreOrder: ",
        "og-preorder.html         | false | OUT_OF_STOCK | auto/opengraph | <meta property=og:availability> \"preorder\" (PreOrder: ",
        "og-preorder.html         | true  | IN_STOCK     | auto/opengraph | <meta property=og:availability> \"preorder\" (PreOrder: ",
        "microdata-backorder.html | false | OUT_OF_STOCK | auto/microdata | itemprop=availability> \"http://schema.org/BackOrder\" (BackOrder: ",
        "microdata-backorder.html | true  | IN_STOCK     | auto/microdata | itemprop=availability> \"http://schema.org/BackOrder\" (BackOrder: ",
        "button-preorder.html     | false | OUT_OF_STOCK | auto/text      | pre-order button \"예약구매\" in product area <main> (PreOrder: ",
        "button-preorder.html     | true  | IN_STOCK     | auto/text      | pre-order button \"예약구매\" in product area <main> (PreOrder: ",
    })
    void advanceOrdersAreOutUnlessTheWatchTakesThem(String resource, boolean preorder, Availability expected, String detector,
                                                    String evidence) {
        Observation o = auto(resource, preorder);

        assertThat(o.availability()).as(o.evidence()).isEqualTo(expected);
        assertThat(o.detector()).isEqualTo(detector);
        assertThat(o.evidence()).contains(evidence).contains(preorder ? TAKEN : NOT_TAKEN);
    }

    @Test
    void theOfferPriceStaysWithEitherDecision() {
        for (boolean preorder : new boolean[] {false, true}) {
            Observation o = auto("jsonld-preorder.html", preorder);
            assertThat(o.price()).isEqualByComparingTo("29000");
            assertThat(o.currency()).isEqualTo("KRW");
        }
    }

    @Test
    void aTakenPreOrderButtonKeepsTheTextQuantity() {
        Observation o = auto("button-preorder.html", true);

        assertThat(o.quantity()).as(o.evidence()).isEqualTo(40L);
    }

    @Test
    void aPreOrderButtonVetoesMetadataInStockUnlessTheWatchTakesPreOrders() {
        Observation out = auto("jsonld-instock-preorder-button.html", false);
        assertThat(out.availability()).isEqualTo(Availability.OUT_OF_STOCK);
        assertThat(out.detector()).isEqualTo("auto/text");
        assertThat(out.evidence()).startsWith("pre-order button \"jetzt vorbestellen\"").contains("vetoes json-ld");

        Observation in = auto("jsonld-instock-preorder-button.html", true);
        assertThat(in.availability()).isEqualTo(Availability.IN_STOCK);
        assertThat(in.detector()).isEqualTo("auto/json-ld");
    }

    @Test
    void aSoldOutPhraseWinsOverAPreOrderButtonEvenWhenPreOrdersAreTaken() {
        Observation o = auto("button-preorder-soldout.html", true);

        assertThat(o.availability()).isEqualTo(Availability.OUT_OF_STOCK);
        assertThat(o.evidence()).startsWith("phrase \"sold out\"");
    }

    @Test
    void metadataOutOfStockIsNotOverruledByATakenPreOrderButton() {
        Observation o = decide("auto", true, TestPages.html("<script type=application/ld+json>{\"@type\":\"Product\","
                + "\"offers\":{\"availability\":\"OutOfStock\"}}</script><main><h1>Mask</h1><button>Pre-order</button></main>"));

        assertThat(o.availability()).isEqualTo(Availability.OUT_OF_STOCK);
        assertThat(o.detector()).isEqualTo("auto/json-ld");
    }

    @Test
    void preOrderWordsOutsideButtonsOrOutsideTheProductAreaAreNotAPreOrder() {
        Observation o = auto("preorder-note-not-a-button.html", false);

        assertThat(o.availability()).as(o.evidence()).isEqualTo(Availability.IN_STOCK);
        assertThat(o.evidence()).startsWith("phrase \"add to cart\"");
    }

    @Test
    void aPlainBuyButtonBesideAPreOrderOneIsBuyableNow() {
        Observation o = decide("auto", false, TestPages.html("<main><h1>Mask, white</h1><button>Add to cart</button>"
                + "<p>Black edition coming soon</p><button>Pre-order black</button></main>"));

        assertThat(o.availability()).as(o.evidence()).isEqualTo(Availability.IN_STOCK);
        assertThat(o.evidence()).startsWith("phrase \"add to cart\"");
    }

    @Test
    void aDisabledPreOrderButtonIsOutOfStockEitherWay() {
        Observation o = decide("auto", true, TestPages.html("<main><h1>Mask</h1><button disabled>予約する</button></main>"));

        assertThat(o.availability()).isEqualTo(Availability.OUT_OF_STOCK);
        assertThat(o.evidence()).startsWith("disabled buy button \"予約する\"");
    }

    @Test
    void jsonLdRecipeAppliesTheSettingToo() {
        Page page = TestPages.html(TestPages.resource("preorder/jsonld-preorder.html"));

        assertThat(decide("json-ld", false, page).availability()).isEqualTo(Availability.OUT_OF_STOCK);
        assertThat(decide("json-ld", true, page).availability()).isEqualTo(Availability.IN_STOCK);
    }

    @Test
    void anInStockOfferAmongPreOrderOffersIsInStockWithoutTheSetting() {
        Observation o = decide("auto", false, TestPages.html("<script type=application/ld+json>{\"@type\":\"Product\","
                + "\"offers\":[{\"availability\":\"PreOrder\",\"price\":\"10\"},{\"availability\":\"InStock\",\"price\":\"12\"}]}"
                + "</script><main>x</main>"));

        assertThat(o.availability()).isEqualTo(Availability.IN_STOCK);
        assertThat(o.price()).as("the in-stock offer's price").isEqualByComparingTo("12");
    }

    @Test
    void wooCommerceStoreApiBackOrderIsOutUnlessTaken() {
        Page page = TestPages.page(200, URI.create("https://shop.example/wp-json/wc/store/v1/products/88"),
                "application/json", TestPages.resource("preorder/woo-store-api-backorder.json"));

        Observation out = decide("woocommerce", false, page);
        assertThat(out.availability()).isEqualTo(Availability.OUT_OF_STOCK);
        assertThat(out.evidence()).contains("is_in_stock true, on back-order (BackOrder: " + NOT_TAKEN);
        assertThat(out.price()).isEqualByComparingTo("12.99");

        Observation in = decide("woocommerce", true, page);
        assertThat(in.availability()).isEqualTo(Availability.IN_STOCK);
        assertThat(in.evidence()).contains("(BackOrder: " + TAKEN);
        assertThat(decide("auto", false, page).availability()).as("auto picks the recipe by URL").isEqualTo(Availability.OUT_OF_STOCK);
    }

    @Test
    void wooCommerceStoreApiListCountsBackOrdersByTheSetting() {
        Page page = TestPages.json("[{\"id\":1,\"is_in_stock\":true},{\"id\":2,\"is_in_stock\":true,\"is_on_backorder\":true}]");

        Observation out = decide("woocommerce", false, page);
        assertThat(out.availability()).as(out.evidence()).isEqualTo(Availability.UNKNOWN);
        assertThat(out.evidence()).contains("1 of 2 products in stock (1 on back-order");
        assertThat(decide("woocommerce", true, page).availability()).isEqualTo(Availability.IN_STOCK);
    }

    @Test
    void wooCommerceProductPageBackOrderParagraph() {
        Page page = TestPages.html("<main><div class=summary><h1>Mask</h1>"
                + "<p class=\"stock available-on-backorder\">Available on backorder</p></div></main>");

        Observation out = decide("woocommerce", false, page);
        assertThat(out.availability()).isEqualTo(Availability.OUT_OF_STOCK);
        assertThat(out.evidence()).contains("(BackOrder: " + NOT_TAKEN);
        assertThat(decide("woocommerce", true, page).availability()).isEqualTo(Availability.IN_STOCK);
    }

    @Test
    void graphQlOnBackOrderIsOutUnlessTaken() {
        Page page = TestPages.json("{\"data\":{\"product\":{\"stockStatus\":\"ON_BACKORDER\"}}}");

        Observation out = decide("graphql", false, page);
        assertThat(out.availability()).isEqualTo(Availability.OUT_OF_STOCK);
        assertThat(out.evidence()).isEqualTo("$.data.product.stockStatus = \"ON_BACKORDER\" (BackOrder: " + NOT_TAKEN + ")");

        Observation in = decide("graphql", true, page);
        assertThat(in.availability()).isEqualTo(Availability.IN_STOCK);
        assertThat(in.evidence()).contains("(BackOrder: " + TAKEN + ")");
    }

    @Test
    void aBotWallIsBlockedWhateverTheSetting() {
        Page wall = TestPages.page(403, TestPages.URL, "text/html", "<html><head><title>Access Denied</title></head><body>"
                + "<h1>Access Denied</h1>You don't have permission to access this server.<p>Reference #18.1</p>"
                + "<button>Pre-order</button></body></html>");

        assertThat(decide("auto", true, wall).availability()).isEqualTo(Availability.BLOCKED);
    }

    @Test
    void shopifyOversellingAtZeroIsABackOrder() {
        Page admin = TestPages.page(200, URI.create("https://shop.example/admin/api/2024-01/products/7002.json"),
                "application/json", TestPages.resource("preorder/shopify-admin-backorder.json"));

        Observation strict = decide("shopify", false, admin);
        assertThat(strict.availability()).as(strict.evidence()).isEqualTo(Availability.OUT_OF_STOCK);
        assertThat(strict.evidence()).contains("0 of 2 variants in stock").contains("(BackOrder: " + NOT_TAKEN + ")");

        Observation taken = decide("shopify", true, admin);
        assertThat(taken.availability()).as(taken.evidence()).isEqualTo(Availability.IN_STOCK);
        assertThat(taken.quantity()).as("a back-order has no count, never \"0 left\"").isNull();
        assertThat(taken.evidence()).contains("1 of 2 variants in stock").contains("(BackOrder: " + TAKEN + ")");
    }
}
