package dev.alimi.detect;

import static dev.alimi.detect.TestPages.html;
import static dev.alimi.detect.TestPages.json;
import static dev.alimi.detect.TestPages.jsonPath;
import static dev.alimi.detect.TestPages.resource;
import static dev.alimi.detect.TestPages.watch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alimi.model.Availability;
import dev.alimi.model.Observation;
import dev.alimi.model.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonPathSignalTest {

    private final Detection detection = new Detection(DetectorRegistry.standard());

    private Observation decide(String path, Page page) {
        return detection.decide(watch(jsonPath(path)), page);
    }

    private Observation decide(String path, String body) {
        return decide(path, json(body));
    }

    @Test
    void positiveNumberIsInStockWithQuantity() {
        Observation o = decide("$.data.stockQuantity", resource("product-api.json"));

        assertThat(o.availability()).isEqualTo(Availability.IN_STOCK);
        assertThat(o.quantity()).isEqualTo(12L);
        assertThat(o.detector()).isEqualTo("json-path");
        assertThat(o.evidence()).isEqualTo("json-path $.data.stockQuantity = 12");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"q\": 0}          | OUT_OF_STOCK | 0",
        "{\"q\": -2}         | OUT_OF_STOCK | -2",
        "{\"q\": 7}          | IN_STOCK     | 7",
        "{\"q\": 2.0}        | IN_STOCK     | 2",
        "{\"q\": \" 5 \"}    | IN_STOCK     | 5",
        "{\"q\": \"0\"}      | OUT_OF_STOCK | 0",
    })
    void numbersAndNumericStrings(String body, Availability expected, long quantity) {
        Observation o = decide("$.q", body);

        assertThat(o.availability()).isEqualTo(expected);
        assertThat(o.quantity()).isEqualTo(quantity);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"q\": true}      | IN_STOCK",
        "{\"q\": false}     | OUT_OF_STOCK",
        "{\"q\": \"TRUE\"}  | IN_STOCK",
        "{\"q\": \"false\"} | OUT_OF_STOCK",
    })
    void booleans(String body, Availability expected) {
        Observation o = decide("$.q", body);

        assertThat(o.availability()).isEqualTo(expected);
        assertThat(o.quantity()).isNull();
    }

    @Test
    void wildcardNumbersAreSummed() {
        Observation o = decide("$.data.variants[*].inventory", resource("product-api.json"));

        assertThat(o.availability()).isEqualTo(Availability.IN_STOCK);
        assertThat(o.quantity()).isEqualTo(7L);
        assertThat(o.evidence()).isEqualTo("json-path $.data.variants[*].inventory = 7 (sum of 3)");
    }

    @Test
    void wildcardBooleansMeanInStockWhenAnyIsTrue() {
        Observation o = decide("$.data.variants[*].available", resource("product-api.json"));

        assertThat(o.availability()).isEqualTo(Availability.IN_STOCK);
        assertThat(o.evidence()).endsWith("= 1 of 3 true");
    }

    @Test
    void missingPathIsUnknownWithTheReason() {
        Observation o = decide("$.data.nothing", resource("product-api.json"));

        assertThat(o.availability()).isEqualTo(Availability.UNKNOWN);
        assertThat(o.evidence()).isEqualTo("json-path $.data.nothing not found");
    }

    @Test
    void nonJsonBodyIsUnknownWithTheReason() {
        Observation o = decide("$.data.stockQuantity", html("<html><body><p>hello</p></body></html>"));

        assertThat(o.availability()).isEqualTo(Availability.UNKNOWN);
        assertThat(o.evidence()).isEqualTo("json-path $.data.stockQuantity body is not JSON");
    }

    @Test
    void nonNumericStringNullAndObjectAreUnknown() {
        assertThat(decide("$.data.status", resource("product-api.json")).evidence())
                .isEqualTo("json-path $.data.status = \"SALE\" is neither a number nor a boolean");
        assertThat(decide("$.q", "{\"q\": null}").availability()).isEqualTo(Availability.UNKNOWN);
        assertThat(decide("$.data.meta", resource("product-api.json")).evidence()).contains("is an object");
    }

    @Test
    void hugeExponentIsNotANumber() {
        Observation o = decide("$.q", "{\"q\": \"1e999999999\"}");

        assertThat(o.availability()).isEqualTo(Availability.UNKNOWN);
    }

    @Test
    void invalidPathIsAClearErrorWhenBuilt() {
        assertThatThrownBy(() -> new RuleDetector(jsonPath("$.data...")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid json-path \"$.data...\"");
    }
}
