package dev.alimi.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alimi.model.Availability;
import dev.alimi.model.DetectSpec;
import dev.alimi.model.Observation;
import dev.alimi.model.Page;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile and broken pages: every recipe answers (never throws) and none of them reads as in stock. */
class HostilePagesTest {

    private static final String DEEP_DIVS = "<html><body><main>" + "<div>".repeat(100_000) + "Add to cart"
            + "</div>".repeat(100_000) + "</main><footer>x</footer></body></html>";
    private static final String DEEP_JSON = "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000);
    private static final String DEEP_STATE = "<script>window.__PRELOADED_STATE__=" + "{\"a\":".repeat(5_000)
            + "{\"productStatusType\":\"SALE\",\"stockQuantity\":3}" + "}".repeat(5_000) + "</script>";
    private static final String HUGE_LD = "<script type=application/ld+json>{\"@type\":\"Product\",\"name\":\""
            + "x".repeat(3_000_000) + "\",\"offers\":{\"availability\":\"OutOfStock\"}}</script><main>Mask</main>";
    private static final String REPEATED = "<main>" + "품절임박 ".repeat(200_000) + "</main>";

    private final Detection detection = new Detection(DetectorRegistry.standard());

    @ParameterizedTest
    @ValueSource(strings = {"auto", "json-ld", "naver-smartstore", "coupang", "shopify", "woocommerce", "graphql"})
    void hostilePagesAreAnsweredAndNeverInStockByAccident(String recipe) {
        assertNotInStock(recipe, DEEP_JSON, "application/json");
        assertNotInStock(recipe, DEEP_STATE, "text/html");
        assertNotInStock(recipe, HUGE_LD, "text/html");
        assertNotInStock(recipe, REPEATED, "text/html");
        assertNotInStock(recipe, "{\"data\": [" + "[".repeat(3000), "application/json");
        assertNotInStock(recipe, "\uFFFD\uFFFD<html>\u0000<body>\uD800</body>", "text/html");
    }

    @ParameterizedTest
    @ValueSource(strings = {"auto", "json-ld"})
    void deeplyNestedMarkupIsReadWithoutRunningOutOfStack(String recipe) {
        Observation o = decide(recipe, DEEP_DIVS, "text/html");

        assertThat(o.availability()).as(o.evidence()).isNotEqualTo(Availability.ERROR);
    }

    private void assertNotInStock(String recipe, String body, String type) {
        Observation o = decide(recipe, body, type);
        assertThat(o.availability()).as("%s: %s", recipe, o.evidence()).isNotEqualTo(Availability.IN_STOCK);
        assertThat(o.evidence().length()).isLessThanOrEqualTo(Evidence.MAX_LENGTH);
    }

    private Observation decide(String recipe, String body, String type) {
        return detection.decide(TestPages.watch(new DetectSpec.Recipe(recipe)),
                new Page(URI.create("https://smartstore.naver.com/s/products/1"), 200, type, body, TestPages.AT));
    }
}
