package dev.alimi.detect;

import static dev.alimi.detect.TestPages.html;
import static dev.alimi.detect.TestPages.regex;
import static dev.alimi.detect.TestPages.watch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alimi.model.Availability;
import dev.alimi.model.DetectSpec;
import dev.alimi.model.Observation;
import dev.alimi.model.ValueSelector;
import org.junit.jupiter.api.Test;

class RegexSignalTest {

    private final Detection detection = new Detection(DetectorRegistry.standard());

    private Observation decide(DetectSpec.Rule rule, String body) {
        return detection.decide(watch(rule), html(body));
    }

    @Test
    void matchMeansInStockAndNumericGroupIsTheQuantity() {
        Observation o = decide(regex("\"stockQuantity\":\\s*(\\d+)", null), "<script>s={\"stockQuantity\": 42}</script>");

        assertThat(o.availability()).isEqualTo(Availability.IN_STOCK);
        assertThat(o.quantity()).isEqualTo(42L);
        assertThat(o.detector()).isEqualTo("regex");
        assertThat(o.evidence()).contains("matched quantity 42");
    }

    @Test
    void zeroQuantityIsOutOfStock() {
        Observation o = decide(regex("남은 수량 ([\\d,]+)개", null), "<p>남은 수량 0개</p>");

        assertThat(o.availability()).isEqualTo(Availability.OUT_OF_STOCK);
        assertThat(o.quantity()).isZero();
    }

    @Test
    void groupedThousandsInTheQuantity() {
        assertThat(decide(regex("남은 수량 ([\\d,]+)개", null), "<p>남은 수량 1,204개</p>").quantity()).isEqualTo(1204L);
    }

    @Test
    void matchWithoutNumericGroupIsInStockWithoutQuantity() {
        Observation o = decide(regex("btn_buy", null), "<a class=\"btn_buy\">buy</a>");

        assertThat(o.availability()).isEqualTo(Availability.IN_STOCK);
        assertThat(o.quantity()).isNull();
    }

    @Test
    void outOfStockRegexMatchMeansOutOfStock() {
        Observation o = decide(regex("btn_buy", "ico_product_soldout\\.gif"), "<img src=\"/ico_product_soldout.gif\">");

        assertThat(o.availability()).isEqualTo(Availability.OUT_OF_STOCK);
    }

    @Test
    void bothRegexesMatchingIsConflicting() {
        Observation o = decide(regex("btn_buy", "soldout"), "<a class=\"btn_buy soldout\">x</a>");

        assertThat(o.availability()).isEqualTo(Availability.UNKNOWN);
        assertThat(o.evidence()).startsWith("conflicting");
    }

    @Test
    void noMatchIsUnknown() {
        assertThat(decide(regex("btn_buy", "soldout"), "<p>nothing</p>").availability()).isEqualTo(Availability.UNKNOWN);
        assertThat(decide(regex(null, "soldout"), "<p>nothing</p>").availability()).isEqualTo(Availability.UNKNOWN);
    }

    @Test
    void multilineAnchorsWithoutDotall() {
        String body = "<pre>\nstatus: SALE\nqty: 3\n</pre>";
        assertThat(decide(regex("^qty: (\\d+)$", null), body).quantity()).isEqualTo(3L);
        assertThat(decide(regex("status.*qty", null), body).availability()).isEqualTo(Availability.UNKNOWN);
    }

    @Test
    void catastrophicBacktrackingEndsAsErrorWithinTheStepBudget() {
        RuleDetector detector = new RuleDetector(regex("(.*a){12}$", null), new RegexBudget(10_000, 0));
        Observation o = detector.detect(watch(regex("(.*a){12}$", null)), html("a".repeat(40) + "!"));

        assertThat(o.availability()).isEqualTo(Availability.ERROR);
        assertThat(o.evidence()).startsWith("regex took too long");
    }

    @Test
    void catastrophicPriceRegexOnlyLosesThePrice() {
        DetectSpec.Rule rule = TestPages.withPrice(regex("a", null), ValueSelector.regex("(.*a){12}$"));
        Observation o = new RuleDetector(rule, new RegexBudget(10_000, 0)).detect(watch(rule), html("a".repeat(40) + "!"));

        assertThat(o.availability()).isEqualTo(Availability.IN_STOCK);
        assertThat(o.price()).isNull();
        assertThat(o.evidence()).contains("price regex took too long");
    }

    @Test
    void invalidPatternIsAClearErrorWhenBuilt() {
        assertThatThrownBy(() -> new RuleDetector(regex("(unclosed", null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid regex \"(unclosed\"");
    }
}
