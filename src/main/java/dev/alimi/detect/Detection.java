package dev.alimi.detect;

import dev.alimi.model.Availability;
import dev.alimi.model.DetectSpec;
import dev.alimi.model.Observation;
import dev.alimi.model.Page;
import dev.alimi.model.Watch;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The detect stage: triage first (errors, bot walls, login walls), then the watch's detector.
 * Never throws; trouble becomes ERROR with its reason.
 */
public final class Detection {

    static final String TRIAGE = "triage";

    private final DetectorRegistry registry;
    private final Clock clock;
    private final PageTriage triage = new PageTriage();
    /** Detectors compile selectors and patterns once per spec; specs are values, so they key well. */
    private final Map<DetectSpec, Detector> detectors = new ConcurrentHashMap<>();

    public Detection(DetectorRegistry registry) {
        this(registry, Clock.systemUTC());
    }

    /** {@code clock} only dates observations of pages that lack a receive time. */
    public Detection(DetectorRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** The observation for one page of one watch. */
    public Observation decide(Watch watch, Page page) {
        Instant at = page.receivedAt() != null ? page.receivedAt() : clock.instant();
        String detectorName = TRIAGE;
        try {
            ParsedPage parsed = new ParsedPage(page, at, readsLeanMarkup(watch, page));
            Optional<PageTriage.Verdict> verdict = triage.triage(parsed);
            if (verdict.isPresent()) {
                return Observation.of(watch.name(), verdict.get().availability(), verdict.get().reason(), TRIAGE, at);
            }
            if (watch.detect() == null) {
                return Observation.of(watch.name(), Availability.ERROR, "watch has no detect spec", "detect", at);
            }
            detectorName = name(watch.detect());
            Detector detector = detectors.computeIfAbsent(watch.detect(), registry::forSpec);
            Observation observation = detector instanceof PageDetector pd
                    ? pd.detect(watch, parsed)
                    : detector.detect(watch, page);
            if (observation == null) {
                return Observation.of(watch.name(), Availability.ERROR, "detector returned nothing", detectorName, at);
            }
            return observation.watch().equals(watch.name()) ? observation : observation.withWatch(watch.name());
        } catch (RuntimeException | StackOverflowError e) {
            return failure(watch, at, detectorName, e);
        }
    }

    /**
     * True when the watch's detector reads only what {@code auto} reads, so triage and detector can
     * share one lean parse; rules and shop recipes get the whole page.
     */
    private boolean readsLeanMarkup(Watch watch, Page page) {
        if (!(watch.detect() instanceof DetectSpec.Recipe spec)) return false;
        try {
            return detectors.computeIfAbsent(spec, registry::forSpec) instanceof Recipe recipe
                    && recipe.readsLeanMarkup(page.url());
        } catch (RuntimeException e) {
            return false; // an unknown recipe is reported after triage, as before
        }
    }

    /** An ERROR observation carrying the failure's message. */
    static Observation failure(Watch watch, Instant at, String detector, Throwable e) {
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        return Observation.of(watch.name(), Availability.ERROR, Evidence.cap(message), detector, at);
    }

    private static String name(DetectSpec spec) {
        return switch (spec) {
            case DetectSpec.Rule rule -> RuleDetector.KIND;
            case DetectSpec.Recipe recipe -> recipe.name();
        };
    }
}
