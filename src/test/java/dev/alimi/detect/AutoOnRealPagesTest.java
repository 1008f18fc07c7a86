package dev.alimi.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alimi.model.Availability;
import dev.alimi.model.DetectSpec;
import dev.alimi.model.Observation;
import dev.alimi.model.Page;
import dev.alimi.model.Watch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every labelled page of the shared corpus ({@code -Dalimi.fixtures}, never copied here) classified
 * by {@code detect: auto} and compared with {@code MANIFEST.tsv}: availability always; quantity,
 * price and currency where the manifest states them.
 */
class AutoOnRealPagesTest {

    private final Detection detection = new Detection(DetectorRegistry.standard());

    /** One manifest row; empty strings are "not labelled". */
    record Row(String path, String expected, String quantity, String price, String currency, String notes) {
        @Override
        public String toString() {
            return path;
        }
    }

    static Path corpus() {
        String dir = System.getProperty("alimi.fixtures");
        Path path = dir == null ? null : Path.of(dir);
        if (path == null || !Files.isRegularFile(path.resolve("MANIFEST.tsv"))) {
            String message = "real-page corpus not found at alimi.fixtures=" + dir
                    + " (set -Dalimi.fixtures=/path/to/shared/fixtures)";
            if ("1".equals(System.getenv("ALIMI_REQUIRE_SERVICES"))) Assertions.fail(message);
            Assumptions.abort(message);
        }
        return path;
    }

    /** Skips (or, with ALIMI_REQUIRE_SERVICES=1, fails) the whole class with the reason when the corpus is absent. */
    @BeforeAll
    static void corpusIsThere() {
        corpus();
    }

    static Stream<Arguments> rows() throws IOException {
        List<String> lines = Files.readAllLines(corpus().resolve("MANIFEST.tsv"), StandardCharsets.UTF_8);
        return lines.stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("\t", -1))
                .map(c -> new Row(c[0], c[1], at(c, 2), at(c, 3), at(c, 4), at(c, 5)))
                .map(Arguments::of);
    }

    private static String at(String[] cells, int i) {
        return i < cells.length ? cells[i].strip() : "";
    }

    static Page load(String file) {
        try {
            String body = Files.readString(corpus().resolve(file), StandardCharsets.UTF_8);
            String type = file.endsWith(".json") ? "application/json" : "text/html; charset=utf-8";
            return new Page(URI.create("https://fixture.example/" + file), 200, type, body, TestPages.AT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void autoClassifiesEveryLabelledPage(Row row) {
        Watch watch = TestPages.watch(new DetectSpec.Recipe("auto"));

        Observation o = detection.decide(watch, load(row.path()));

        Availability expected = Availability.valueOf(row.expected().toUpperCase(Locale.ROOT));
        assertThat(o.availability()).as("%s: %s (%s)", row.path(), o.evidence(), o.detector()).isEqualTo(expected);
        assertThat(o.evidence()).isNotBlank();
        if (!row.quantity().isEmpty()) assertThat(o.quantity()).as("quantity").isEqualTo(Long.parseLong(row.quantity()));
        if (!row.price().isEmpty()) {
            assertThat(o.price()).as("price; %s", o.evidence()).isNotNull();
            assertThat(o.price()).as("price").isEqualByComparingTo(new BigDecimal(row.price()));
        }
        if (!row.currency().isEmpty() && o.currency() != null) {
            // Shopify's Admin JSON carries no currency: none is reported rather than a guess.
            assertThat(o.currency()).as("currency").isEqualTo(row.currency());
        }
        if (expected != Availability.IN_STOCK) assertThat(o.availability()).isNotEqualTo(Availability.IN_STOCK);
    }
}
