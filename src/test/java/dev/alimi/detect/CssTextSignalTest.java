package dev.alimi.detect;

import static dev.alimi.detect.TestPages.css;
import static dev.alimi.detect.TestPages.html;
import static dev.alimi.detect.TestPages.resource;
import static dev.alimi.detect.TestPages.watch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alimi.model.Availability;
import dev.alimi.model.DetectSpec;
import dev.alimi.model.Observation;
import java.util.List;
import org.junit.jupiter.api.Test;

class CssTextSignalTest {

    private final Detection detection = new Detection(DetectorRegistry.standard());

    private Observation decide(DetectSpec.Rule rule, String body) {
        return detection.decide(watch(rule), html(body));
    }

    @Test
    void inStockTextOnTheBuyButtonMeansInStock() {
        Observation o = decide(css("button.buy", List.of("구매하기", "Add to cart"), List.of("품절", "Sold out")),
                resource("buy-button-instock.html"));

        assertThat(o.availability()).isEqualTo(Availability.IN_STOCK);
        assertThat(o.detector()).isEqualTo("css");
        assertThat(o.evidence()).isEqualTo("css \"button.buy\" text \"구매하기\" matches in-stock-text \"구매하기\"");
        assertThat(o.watch()).isEqualTo("test watch");
        assertThat(o.observedAt()).isEqualTo(TestPages.AT);
    }

    @Test
    void outOfStockTextWithNbspMeansOutOfStockAndTemplateTextDoesNotCount() {
        Observation o = decide(css(".prod-buy", List.of("구매하기"), List.of("일시 품절")),
                resource("buy-button-soldout.html"));

        assertThat(o.availability()).isEqualTo(Availability.OUT_OF_STOCK);
        assertThat(o.evidence()).contains("out-of-stock-text \"일시 품절\"");
    }

    @Test
    void templateElementsAreNotSelected() {
        Observation o = decide(css("button.buy", List.of("구매하기"), List.of("품절")), resource("buy-button-soldout.html"));

        assertThat(o.availability()).isEqualTo(Availability.OUT_OF_STOCK);
    }

    @Test
    void bothTextsFoundIsUnknownAndSaysConflicting() {
        Observation o = decide(css("body", List.of("구매하기"), List.of("품절")), resource("buy-button-instock.html"));

        assertThat(o.availability()).isEqualTo(Availability.UNKNOWN);
        assertThat(o.evidence()).startsWith("conflicting: ").contains("구매하기").contains("품절");
    }

    @Test
    void selectorMatchingNothingIsUnknown() {
        Observation o = decide(css("div.missing", List.of("구매하기"), List.of()), resource("buy-button-instock.html"));

        assertThat(o.availability()).isEqualTo(Availability.UNKNOWN);
        assertThat(o.evidence()).isEqualTo("css \"div.missing\" matched nothing");
    }

    @Test
    void textMatchingNeitherListIsUnknown() {
        Observation o = decide(css("h1", List.of("구매하기"), List.of("품절")), resource("buy-button-instock.html"));

        assertThat(o.availability()).isEqualTo(Availability.UNKNOWN);
        assertThat(o.evidence()).contains("matches neither");
    }

    @Test
    void presenceAloneMeansInStockWhenNoTextsAreGiven() {
        assertThat(decide(css("button.buy", null, null), resource("buy-button-instock.html")).availability())
                .isEqualTo(Availability.IN_STOCK);
        assertThat(decide(css("button.buy:not([disabled])", null, null), resource("buy-button-soldout.html"))
                .availability()).isEqualTo(Availability.UNKNOWN);
    }

    @Test
    void buttonLabelsCount() {
        Observation o = decide(css(".prod-buy .cart", List.of("장바구니"), List.of()), resource("buy-button-instock.html"));

        assertThat(o.availability()).isEqualTo(Availability.IN_STOCK);
    }

    @Test
    void matchingIsCaseAndWhitespaceInsensitive() {
        Observation o = decide(css("#availability", List.of("IN  stock"), List.of()), resource("script-trap.html"));

        assertThat(o.availability()).isEqualTo(Availability.IN_STOCK);
        assertThat(o.evidence()).isEqualTo("css \"#availability\" text \"In Stock.\" matches in-stock-text \"IN  stock\"");
    }

    @Test
    void scriptNoscriptTemplateAndHiddenInputTextNeverCounts() {
        Observation o = decide(css("body", List.of(), List.of("Currently unavailable")), resource("script-trap.html"));

        assertThat(o.availability()).isEqualTo(Availability.UNKNOWN);
        assertThat(decide(css("#availability", List.of("In Stock"), List.of("Currently unavailable")),
                resource("script-trap.html")).availability()).isEqualTo(Availability.IN_STOCK);
    }

    @Test
    void nestedSelectionsAreReadOnce() {
        String nested = "<div><div><div><p>Sold out</p></div></div></div>";
        Observation o = decide(css("div", List.of(), List.of("sold out")), nested);

        assertThat(o.availability()).isEqualTo(Availability.OUT_OF_STOCK);
    }

    @Test
    void invalidSelectorIsAClearErrorWhenBuilt() {
        assertThatThrownBy(() -> new RuleDetector(css("button[", List.of("x"), List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid css selector \"button[\"");
    }

    @Test
    void invalidSelectorInAWatchBecomesAnErrorObservation() {
        Observation o = decide(css("button[", List.of("x"), List.of()), resource("buy-button-instock.html"));

        assertThat(o.availability()).isEqualTo(Availability.ERROR);
        assertThat(o.evidence()).contains("invalid css selector");
    }
}
