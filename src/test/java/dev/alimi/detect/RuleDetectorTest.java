package dev.alimi.detect;

import static dev.alimi.detect.TestPages.html;
import static dev.alimi.detect.TestPages.json;
import static dev.alimi.detect.TestPages.resource;
import static dev.alimi.detect.TestPages.watch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alimi.model.Availability;
import dev.alimi.model.DetectSpec;
import dev.alimi.model.InStockCondition;
import dev.alimi.model.Observation;
import dev.alimi.model.Page;
import dev.alimi.model.ValueSelector;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleDetectorTest {

    private final Detection detection = new Detection(DetectorRegistry.standard());

    private static DetectSpec.Rule rule(String css, List<String> in, List<String> out, String jsonPath,
            InStockCondition condition, String regex, ValueSelector price) {
        return new DetectSpec.Rule(css, in, out, jsonPath, condition, regex, null, price);
    }

    private Observation decide(DetectSpec.Rule rule, Page page) {
        return detection.decide(watch(rule), page);
    }

    @Test
    void quantityAndConditionAgreeingDecideTogetherAndKeepTheQuantity() {
        DetectSpec.Rule r = rule(null, null, null, "$.data.stockQuantity",
                TestPages.equalsAt(ValueSelector.jsonPath("$.data.status"), "SALE"), null,
                ValueSelector.jsonPath("$.data.price"));
        Observation o = decide(r, json(resource("product-api.json")));

        assertThat(o.availability()).isEqualTo(Availability.IN_STOCK);
        assertThat(o.quantity()).isEqualTo(12L);
        assertThat(o.price()).isEqualByComparingTo("15900");
        assertThat(o.currency()).isNull();
        assertThat(o.detector()).isEqualTo("rule");
        assertThat(o.evidence()).isEqualTo(
                "json-path $.data.stockQuantity = 12; in-stock json-path $.data.status = \"SALE\" equals \"SALE\"");
    }

    @Test
    void disagreementIsUnknownConflicting() {
        DetectSpec.Rule r = rule(null, null, null, "$.data.stockQuantity",
                TestPages.equalsAt(ValueSelector.jsonPath("$.data.status"), "OUTOFSTOCK"), null, null);
        Observation o = decide(r, json(resource("product-api.json")));

        assertThat(o.availability()).isEqualTo(Availability.UNKNOWN);
        assertThat(o.evidence()).startsWith("conflicting: ");
        assertThat(o.quantity()).isEqualTo(12L);
    }

    @Test
    void anUnknownSignalDoesNotDecide() {
        DetectSpec.Rule r = rule(null, null, null, "$.data.absent",
                TestPages.equalsAt(ValueSelector.jsonPath("$.data.status"), "SALE"), null, null);
        Observation o = decide(r, json(resource("product-api.json")));

        assertThat(o.availability()).isEqualTo(Availability.IN_STOCK);
        assertThat(o.detector()).isEqualTo("in-stock");
        assertThat(o.evidence()).contains("not found");
    }

    @Test
    void noDecisiveSignalIsUnknown() {
        DetectSpec.Rule r = rule(".missing", List.of("buy"), null, null, null, "nothing-here", null);
        Observation o = decide(r, html(resource("buy-button-instock.html")));

        assertThat(o.availability()).isEqualTo(Availability.UNKNOWN);
        assertThat(o.detector()).isEqualTo("rule");
    }

    @Test
    void priceFromCssWithCurrency() {
        DetectSpec.Rule r = rule("button.buy", List.of("구매하기"), List.of("품절"), null, null, null,
                ValueSelector.css(".total-price"));
        Observation o = decide(r, html(resource("buy-button-instock.html")));

        assertThat(o.availability()).isEqualTo(Availability.IN_STOCK);
        assertThat(o.price()).isEqualByComparingTo(new BigDecimal("15900"));
        assertThat(o.currency()).isEqualTo("KRW");
    }

    @Test
    void priceFromJsonStringAndRegex() {
        DetectSpec.Rule fromJson = TestPages.withPrice(TestPages.jsonPath("$.data.stockQuantity"),
                ValueSelector.jsonPath("$.data.priceText"));
        assertThat(decide(fromJson, json(resource("product-api.json"))).currency()).isEqualTo("KRW");

        DetectSpec.Rule fromRegex = TestPages.withPrice(TestPages.regex("btn_buy", null),
                ValueSelector.regex("data-price=\"([^\"]+)\""));
        Observation o = decide(fromRegex, html("<a class=btn_buy data-price=\"43,90 €\">x</a>"));
        assertThat(o.price()).isEqualByComparingTo("43.90");
        assertThat(o.currency()).isEqualTo("EUR");
    }

    @Test
    void unreadablePriceIsNotedAndNeverFailsTheDecision() {
        DetectSpec.Rule r = rule("button.buy", List.of("구매하기"), null, null, null, null, ValueSelector.css("h1"));
        Observation o = decide(r, html("<h1>Price on request</h1><button class=buy>구매하기</button>"));

        assertThat(o.availability()).isEqualTo(Availability.IN_STOCK);
        assertThat(o.price()).isNull();
        assertThat(o.evidence()).endsWith("; price css \"h1\" \"Price on request\" is not a price");

        Observation missing = decide(TestPages.withPrice(TestPages.css("button.buy", List.of("구매하기"), null),
                ValueSelector.css(".price")), html("<button class=buy>구매하기</button>"));
        assertThat(missing.availability()).isEqualTo(Availability.IN_STOCK);
        assertThat(missing.evidence()).endsWith("; price css \".price\" matched nothing");
    }

    @Test
    void evidenceIsCapped() {
        String longText = "구매하기 " + "정말 좋은 마스크 ".repeat(200);
        DetectSpec.Rule r = rule("button.buy", List.of("구매하기"), List.of("품절"), null, null, "(x)?",
                ValueSelector.css(".absent-price-with-a-long-selector-name-for-the-evidence"));
        Observation o = decide(r, html("<button class=buy>" + longText + "</button>"));

        assertThat(o.evidence().length()).isLessThanOrEqualTo(Evidence.MAX_LENGTH);
    }

    @Test
    void ruleWithoutSignalOrWithTextsButNoCssIsRejected() {
        assertThatThrownBy(() -> new RuleDetector(new DetectSpec.Rule(null, null, null, null, null, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("rule has no signal");
        assertThatThrownBy(() -> new RuleDetector(rule(null, List.of("buy"), null, "$.q", null, null, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("in-stock-text and out-of-stock-text need css");
    }

    @Test
    void largePageWithDeepNestingStaysLinear() {
        // 5 MB of nested divs selected by "div": only the outermost is read, so the check ends.
        StringBuilder body = new StringBuilder("<html><body>");
        body.append("<div>".repeat(200)).append("x ".repeat(2_500_000)).append("Sold out").append("</div>".repeat(200));
        body.append("</body></html>");
        Observation o = decide(TestPages.css("div", List.of(), List.of("sold out")), html(body.toString()));

        assertThat(o.availability()).isEqualTo(Availability.OUT_OF_STOCK);
    }
}
