package dev.alimi.detect;

import static dev.alimi.detect.TestPages.condition;
import static dev.alimi.detect.TestPages.html;
import static dev.alimi.detect.TestPages.json;
import static dev.alimi.detect.TestPages.resource;
import static dev.alimi.detect.TestPages.watch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alimi.model.Availability;
import dev.alimi.model.InStockCondition;
import dev.alimi.model.Observation;
import dev.alimi.model.Page;
import dev.alimi.model.ValueSelector;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionSignalTest {

    private final Detection detection = new Detection(DetectorRegistry.standard());

    private Observation decide(InStockCondition c, Page page) {
        return detection.decide(watch(condition(c)), page);
    }

    private static Page api() {
        return json(resource("product-api.json"));
    }

    @Test
    void equalsIsTrimmedAndCaseInsensitive() {
        Observation in = decide(new InStockCondition(ValueSelector.jsonPath("$.data.status"), " sale ", null, null), api());
        Observation out = decide(new InStockCondition(ValueSelector.jsonPath("$.data.status"), "OUTOFSTOCK", null, null), api());

        assertThat(in.availability()).isEqualTo(Availability.IN_STOCK);
        assertThat(in.detector()).isEqualTo("in-stock");
        assertThat(in.evidence()).isEqualTo("in-stock json-path $.data.status = \"SALE\" equals \"sale\"");
        assertThat(out.availability()).isEqualTo(Availability.OUT_OF_STOCK);
        assertThat(out.evidence()).contains("fails equals");
    }

    @Test
    void inList() {
        ValueSelector at = ValueSelector.jsonPath("$.data.status");
        assertThat(decide(new InStockCondition(at, null, List.of("ON_SALE", "sale"), null), api()).availability())
                .isEqualTo(Availability.IN_STOCK);
        assertThat(decide(new InStockCondition(at, null, List.of("ON_SALE", "AVAILABLE"), null), api()).availability())
                .isEqualTo(Availability.OUT_OF_STOCK);
    }

    @Test
    void notEquals() {
        ValueSelector at = ValueSelector.jsonPath("$.data.status");
        assertThat(decide(new InStockCondition(at, null, null, "OUTOFSTOCK"), api()).availability())
                .isEqualTo(Availability.IN_STOCK);
        assertThat(decide(new InStockCondition(at, null, null, "Sale"), api()).availability())
                .isEqualTo(Availability.OUT_OF_STOCK);
    }

    @Test
    void booleanAndNumberValuesCompareAsText() {
        assertThat(decide(new InStockCondition(ValueSelector.jsonPath("$.data.soldOut"), "false", null, null), api())
                .availability()).isEqualTo(Availability.IN_STOCK);
    }

    @Test
    void cssValueFromTextOrMetaContent() {
        Page page = html(resource("buy-button-instock.html"));
        assertThat(decide(new InStockCondition(ValueSelector.css("button.buy"), "구매하기", null, null), page)
                .availability()).isEqualTo(Availability.IN_STOCK);
        assertThat(decide(new InStockCondition(ValueSelector.css("meta[property=og:availability]"), "InStock", null, null),
                page).availability()).isEqualTo(Availability.IN_STOCK);
    }

    @Test
    void regexGroupOne() {
        Page page = html("<script>var state = {\"productStatusType\":\"OUTOFSTOCK\"};</script>");
        Observation o = decide(new InStockCondition(
                ValueSelector.regex("\"productStatusType\":\"(\\w+)\""), "SALE", null, null), page);

        assertThat(o.availability()).isEqualTo(Availability.OUT_OF_STOCK);
        assertThat(o.evidence()).contains("\"OUTOFSTOCK\" fails equals \"SALE\"");
    }

    @Test
    void missingValueIsUnknown() {
        Observation o = decide(new InStockCondition(ValueSelector.jsonPath("$.data.absent"), "SALE", null, null), api());

        assertThat(o.availability()).isEqualTo(Availability.UNKNOWN);
        assertThat(o.evidence()).isEqualTo("in-stock json-path $.data.absent not found");
        assertThat(decide(new InStockCondition(ValueSelector.css(".absent"), "SALE", null, null), html("<p>x</p>"))
                .availability()).isEqualTo(Availability.UNKNOWN);
    }

    @Test
    void conditionNeedsExactlyOneOperator() {
        assertThatThrownBy(() -> new RuleDetector(condition(
                new InStockCondition(ValueSelector.jsonPath("$.a"), null, null, null))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactly one of equals, in or not-equals");
        assertThatThrownBy(() -> new RuleDetector(condition(
                new InStockCondition(new ValueSelector("$.a", "p", null), "x", null, null))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactly one of json-path, css or regex");
    }
}
