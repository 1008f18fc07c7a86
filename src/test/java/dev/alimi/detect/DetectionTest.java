package dev.alimi.detect;

import static dev.alimi.detect.TestPages.html;
import static dev.alimi.detect.TestPages.watch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alimi.model.Availability;
import dev.alimi.model.DetectSpec;
import dev.alimi.model.Observation;
import dev.alimi.model.Page;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class DetectionTest {

    private static final String PAGE = "<html><body><button class=buy>구매하기</button></body></html>";

    /** A recipe that fails the way a buggy shop recipe would. */
    private static final class Exploding implements Detector {
        @Override
        public Observation detect(dev.alimi.model.Watch watch, Page page) {
            throw new IllegalStateException("price block moved");
        }
    }

    /** A recipe that reports under another name, to check the stage stamps the watch's name. */
    private static final class Renaming implements Detector {
        @Override
        public Observation detect(dev.alimi.model.Watch watch, Page page) {
            return Observation.of("other", Availability.OUT_OF_STOCK, "sold out badge", "fake-shop", page.receivedAt());
        }
    }

    private final Map<String, Supplier<? extends Detector>> recipes =
            Map.of("exploding", Exploding::new, "renaming", Renaming::new);
    private final Detection detection = new Detection(new DetectorRegistry(recipes));

    @Test
    void exceptionInsideADetectorIsErrorWithItsMessage() {
        Observation o = detection.decide(watch(new DetectSpec.Recipe("exploding")), html(PAGE));

        assertThat(o.availability()).isEqualTo(Availability.ERROR);
        assertThat(o.evidence()).isEqualTo("price block moved");
        assertThat(o.detector()).isEqualTo("exploding");
    }

    @Test
    void unknownRecipeIsErrorNamingTheKnownOnes() {
        Observation o = detection.decide(watch(new DetectSpec.Recipe("coupang")), html(PAGE));

        assertThat(o.availability()).isEqualTo(Availability.ERROR);
        assertThat(o.evidence()).isEqualTo("unknown detector recipe \"coupang\"; known: exploding, renaming");
    }

    @Test
    void recipeObservationCarriesTheWatchName() {
        Observation o = detection.decide(watch(new DetectSpec.Recipe("renaming")), html(PAGE));

        assertThat(o.watch()).isEqualTo("test watch");
        assertThat(o.availability()).isEqualTo(Availability.OUT_OF_STOCK);
        assertThat(o.detector()).isEqualTo("fake-shop");
    }

    @Test
    void triageRunsBeforeTheDetector() {
        Observation o = detection.decide(watch(new DetectSpec.Recipe("exploding")),
                TestPages.page(429, TestPages.URL, "text/html", PAGE));

        assertThat(o.availability()).isEqualTo(Availability.BLOCKED);
    }

    @Test
    void pageWithoutReceiveTimeIsDatedByTheClock() {
        Instant now = Instant.parse("2026-05-01T00:00:00Z");
        Detection clocked = new Detection(DetectorRegistry.standard(), Clock.fixed(now, ZoneOffset.UTC));
        Page page = new Page(TestPages.URL, 200, "text/html", PAGE, null);

        Observation o = clocked.decide(watch(TestPages.css("button.buy", List.of("구매하기"), List.of())), page);

        assertThat(o.observedAt()).isEqualTo(now);
        assertThat(o.availability()).isEqualTo(Availability.IN_STOCK);
    }

    @Test
    void registryListsRecipesAndBuildsRules() {
        DetectorRegistry registry = new DetectorRegistry(recipes);

        assertThat(registry.recipeNames()).containsExactly("exploding", "renaming");
        assertThat(DetectorRegistry.standard().recipeNames())
                .containsExactly("auto", "coupang", "graphql", "json-ld", "naver-smartstore", "shopify", "woocommerce");
        assertThat(registry.forSpec(TestPages.jsonPath("$.q"))).isInstanceOf(RuleDetector.class);
        assertThat(registry.forSpec(new DetectSpec.Recipe("renaming"))).isInstanceOf(Renaming.class);
        assertThatThrownBy(() -> DetectorRegistry.standard().forSpec(new DetectSpec.Recipe("autopilot")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown detector recipe \"autopilot\"; known: auto, coupang, graphql, json-ld, "
                        + "naver-smartstore, shopify, woocommerce");
    }

    @Test
    void ruleDetectorUsedDirectlyNeverThrows() {
        Detector detector = new RuleDetector(TestPages.css("button.buy", List.of("구매하기"), List.of()));

        assertThat(detector.detect(watch(TestPages.jsonPath("$.q")), html(PAGE)).availability())
                .isEqualTo(Availability.IN_STOCK);
    }
}
