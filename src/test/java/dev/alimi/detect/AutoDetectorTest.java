package dev.alimi.detect;

import static dev.alimi.detect.TestPages.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alimi.model.Availability;
import dev.alimi.model.DetectSpec;
import dev.alimi.model.Observation;
import dev.alimi.model.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code detect: auto} on small synthetic pages, one per rule and per trap. */
class AutoDetectorTest {

    private final Detection detection = new Detection(DetectorRegistry.standard());

    private Observation auto(Page page) {
        return detection.decide(TestPages.watch(new DetectSpec.Recipe("auto")), page);
    }

    private Observation auto(String html) {
        return auto(TestPages.html(html));
    }

    private static String ld(String json) {
        return "<html><head><script type=\"application/ld+json\">" + json + "</script></head><body><main><h1>Mask</h1>"
                + "</main></body></html>";
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "https://schema.org/InStock          | IN_STOCK",
        "http://schema.org/InStock           | IN_STOCK",
        "https:\\/\\/schema.org\\/InStock    | IN_STOCK",
        "InStock                             | IN_STOCK",
        "schema:InStock                      | IN_STOCK",
        "LimitedAvailability                 | IN_STOCK",
        "https://schema.org/OnlineOnly       | IN_STOCK",
        "https://schema.org/InStoreOnly      | OUT_OF_STOCK",
        "https://schema.org/OutOfStock       | OUT_OF_STOCK",
        "SoldOut                             | OUT_OF_STOCK",
        "http://schema.org/Discontinued      | OUT_OF_STOCK",
        "https://schema.org/PreOrder         | OUT_OF_STOCK",
        "PreSale                             | OUT_OF_STOCK",
        "https://schema.org/BackOrder        | OUT_OF_STOCK",
        "https://schema.org/Whatever         | UNKNOWN",
    })
    void everyAvailabilitySpelling(String availability, Availability expected) {
        Observation o = auto(ld("{\"@context\":\"https://schema.org\",\"@type\":\"Product\",\"name\":\"Mask\","
                + "\"offers\":{\"@type\":\"Offer\",\"price\":\"15900\",\"priceCurrency\":\"KRW\",\"availability\":\""
                + availability + "\"}}"));

        assertThat(o.availability()).as(o.evidence()).isEqualTo(expected);
        if (expected != Availability.UNKNOWN) {
            assertThat(o.detector()).isEqualTo("auto/json-ld");
            assertThat(o.evidence()).contains("json-ld Product offer availability");
        }
        assertThat(o.price()).isEqualByComparingTo("15900");
        assertThat(o.currency()).isEqualTo("KRW");
    }

    @Test
    void advanceOrdersAndInStoreOnlyNameThemselves() {
        Observation pre = auto(ld("{\"@type\":\"Product\",\"offers\":{\"availability\":\"https://schema.org/PreOrder\"}}"));
        assertThat(pre.evidence()).contains("PreOrder: out of stock unless the watch says preorder: true");
        Observation store = auto(ld("{\"@type\":\"Product\",\"offers\":{\"availability\":\"InStoreOnly\"}}"));
        assertThat(store.evidence()).contains("in store only: cannot be bought online");
    }

    @Test
    void graphTypeListsOfferArraysAndAggregateOffers() {
        Observation graph = auto(resource("auto/jsonld-graph.html"));
        assertThat(graph.availability()).as(graph.evidence()).isEqualTo(Availability.IN_STOCK);
        assertThat(graph.price()).isEqualByComparingTo("12900");
        assertThat(graph.currency()).isEqualTo("KRW");
        assertThat(graph.quantity()).isEqualTo(7L);

        Observation aggregate = auto(ld("{\"@type\":[\"Product\",\"Thing\"],\"offers\":[{\"@type\":\"AggregateOffer\","
                + "\"lowPrice\":\"1.299,00\",\"priceCurrency\":\"EUR\",\"availability\":\"https:\\/\\/schema.org\\/OutOfStock\"}]}"));
        assertThat(aggregate.availability()).isEqualTo(Availability.OUT_OF_STOCK);
        assertThat(aggregate.price()).isEqualByComparingTo("1299.00");
    }

    @Test
    void productGroupIsInStockWhenAnyVariantIs() {
        Observation o = auto(resource("auto/jsonld-product-group.html"));

        assertThat(o.availability()).as(o.evidence()).isEqualTo(Availability.IN_STOCK);
        assertThat(o.evidence()).contains("ProductGroup").contains("any offer in stock counts");
        assertThat(o.price()).isEqualByComparingTo("25.00");
    }

    @Test
    void outOfStockPhraseInTheProductAreaVetoesMetadata() {
        Observation o = auto(resource("auto/metadata-lies.html"));

        assertThat(o.availability()).isEqualTo(Availability.OUT_OF_STOCK);
        assertThat(o.detector()).isEqualTo("auto/text");
        assertThat(o.evidence()).startsWith("phrase \"일시품절\" in product area <main>").contains("vetoes json-ld");
    }

    @Test
    void textOutsideTheProductAreaNeverCounts() {
        // Sold-out words in scripts, templates, JSON dictionaries, reviews, carousels, header and footer.
        Observation o = auto(resource("auto/traps-instock.html"));

        assertThat(o.availability()).as(o.evidence()).isEqualTo(Availability.IN_STOCK);
        assertThat(o.evidence()).contains("json-ld");
    }

    @Test
    void buyButtonsOutsideTheProductAreaAreNotInStock() {
        Observation o = auto(resource("auto/traps-unknown.html"));

        assertThat(o.availability()).as(o.evidence()).isEqualTo(Availability.UNKNOWN);
        assertThat(o.evidence()).startsWith("no confident stock signal");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "<button>구매하기</button>                               | IN_STOCK     | 구매하기",
        "<button>바로구매</button><p>품절임박! 서두르세요</p>      | IN_STOCK     | 바로구매",
        "<span class=oos>일시품절</span><button>구매하기</button> | OUT_OF_STOCK | 일시품절",
        "<p>재고 없음</p>                                        | OUT_OF_STOCK | 재고 없음",
        "<p>판매종료된 상품입니다</p>                              | OUT_OF_STOCK | 판매종료",
        "<button>입고 알림 신청</button>                           | OUT_OF_STOCK | 입고 알림",
        "<p>품절 시 자동 취소됩니다</p><button>구매하기</button>    | IN_STOCK     | 구매하기",
        "<button>Add to cart</button>                           | IN_STOCK     | add to cart",
        "<p>Sold out</p>                                        | OUT_OF_STOCK | sold out",
        "<p>This item is not in stock</p>                       | OUT_OF_STOCK | not in stock",
        "<p>在庫切れ</p>                                         | OUT_OF_STOCK | 在庫切れ",
        "<button>カートに入れる</button>                          | IN_STOCK     | カートに入れる",
        "<p>Nicht auf Lager</p>                                 | OUT_OF_STOCK | nicht auf lager",
        "<p>Auf Lager</p><button>In den Warenkorb</button>      | IN_STOCK     | auf lager",
        "<p>Rupture de stock</p>                                | OUT_OF_STOCK | rupture de stock",
        "<button>Ajouter au panier</button>                     | IN_STOCK     | ajouter au panier",
        "<p>Agotado</p>                                         | OUT_OF_STOCK | agotado",
        "<button>Añadir al carrito</button>                     | IN_STOCK     | añadir al carrito",
        "<p>暂时缺货</p>                                          | OUT_OF_STOCK | 缺货",
        "<button>加入购物车</button>                              | IN_STOCK     | 加入购物车",
        "<p>Buy now, pay later with Klarna</p>                  | UNKNOWN      | ",
        "<p>매진</p>                                             | OUT_OF_STOCK | 매진",
        "<p>매진임박</p><button>바로 구매</button>                 | IN_STOCK     | 바로 구매",
        "<p>Leider nicht mehr verfügbar</p>                     | OUT_OF_STOCK | nicht mehr verfügbar",
        "<p>Cet article n'est plus en stock</p>                 | OUT_OF_STOCK | plus en stock",
        "<p>Producto fuera de stock</p>                         | OUT_OF_STOCK | fuera de stock",
        "<button disabled>Add to cart</button>                  | OUT_OF_STOCK | disabled buy button",
    })
    void phrasesInTheProductArea(String fragment, Availability expected, String phrase) {
        Observation o = auto("<html><body><header><a>장바구니</a></header><main><h1>KF94</h1>" + fragment
                + "</main></body></html>");

        assertThat(o.availability()).as(o.evidence()).isEqualTo(expected);
        if (phrase != null) assertThat(o.evidence()).contains(phrase);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "<p>남은 수량 3개</p><button>구매하기</button> | 3",
        "<p>Only 2 left in stock - order soon</p>     | 2",
        "<p>残り5点</p><button>カートに入れる</button>  | 5",
        "<p>仅剩 4 件</p>                              | 4",
    })
    void quantityPhrases(String fragment, long quantity) {
        Observation o = auto("<html><body><main>" + fragment + "</main></body></html>");

        assertThat(o.availability()).as(o.evidence()).isEqualTo(Availability.IN_STOCK);
        assertThat(o.quantity()).isEqualTo(quantity);
    }

    @Test
    void microdataWithUnquotedAttributesAndCarouselScopesLeftOut() {
        Observation o = auto(resource("auto/microdata.html"));

        assertThat(o.availability()).as(o.evidence()).isEqualTo(Availability.OUT_OF_STOCK);
        assertThat(o.detector()).isEqualTo("auto/microdata");
        assertThat(o.price()).isEqualByComparingTo("48.00");
        assertThat(o.currency()).isEqualTo("EUR");
    }

    @ParameterizedTest(name = "{0}={1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "og:availability      | instock      | IN_STOCK",
        "og:availability      | oos          | OUT_OF_STOCK",
        "product:availability | in stock     | IN_STOCK",
        "product:availability | out of stock | OUT_OF_STOCK",
        "product:availability | preorder     | OUT_OF_STOCK",
    })
    void openGraph(String property, String value, Availability expected) {
        Observation o = auto("<html><head><meta content='" + value + "' property='" + property + "'>"
                + "<meta property=product:price:amount content=\"1.299,00\"><meta property=product:price:currency content=EUR>"
                + "</head><body><main><h1>Lamp</h1></main></body></html>");

        assertThat(o.availability()).isEqualTo(expected);
        assertThat(o.detector()).isEqualTo("auto/opengraph");
        assertThat(o.price()).isEqualByComparingTo("1299.00");
    }

    @Test
    void severalCurrenciesWithoutTheProductsOwnOfferGiveNoPrice() {
        Observation o = auto("<html><head><meta property=og:availability content=instock>"
                + "<meta property=product:price:amount content=\"48,00\"><meta property=product:price:currency content=USD>"
                + "</head><body><main><div itemscope itemtype=http://schema.org/Product><span itemprop=price content=43.90>"
                + "</span><meta itemprop=priceCurrency content=EUR></div></main></body></html>");

        assertThat(o.availability()).isEqualTo(Availability.IN_STOCK);
        assertThat(o.price()).isNull();
        assertThat(o.evidence()).contains("no price: metadata disagrees on the currency [EUR, USD]");
    }

    @Test
    void productsOwnOfferWinsOverOpenGraphInAnotherCurrency() {
        Observation o = auto("<html><head><meta property=product:price:amount content=\"48,00\">"
                + "<meta property=product:price:currency content=USD><script type=application/ld+json>"
                + "{\"@type\":\"Product\",\"offers\":{\"@type\":\"AggregateOffer\",\"lowPrice\":\"43.90\","
                + "\"priceCurrency\":\"EUR\",\"availability\":\"https:\\/\\/schema.org\\/InStock\"}}</script></head>"
                + "<body><main>x</main></body></html>");

        assertThat(o.price()).isEqualByComparingTo("43.90");
        assertThat(o.currency()).isEqualTo("EUR");
    }

    @Test
    void brokenJsonLdStillSpellsItsAvailability() {
        Observation o = auto(ld("{\"@type\": \"Product\", \"description\": \"a \"quoted\" word\", "
                + "\"offers\": {\"availability\": \"http://schema.org/OutOfStock\"}}"));

        assertThat(o.availability()).isEqualTo(Availability.OUT_OF_STOCK);
        assertThat(o.evidence()).contains("unparsable json-ld");
    }

    @Test
    void nothingConfidentIsUnknownNeverAGuess() {
        Observation o = auto("<html><body><main><h1>Mask KF94</h1><p>Great mask.</p></main></body></html>");

        assertThat(o.availability()).isEqualTo(Availability.UNKNOWN);
        assertThat(o.detector()).isEqualTo("auto");
    }

    @Test
    void jsonOfNoKnownShapeIsUnknown() {
        Observation o = auto(TestPages.json("{\"hello\": \"world\"}"));

        assertThat(o.availability()).isEqualTo(Availability.UNKNOWN);
        assertThat(o.evidence()).contains("JSON of no known shop shape");
    }
}
