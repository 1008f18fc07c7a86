package dev.alimi.detect;

import dev.alimi.model.Observation;
import dev.alimi.model.Page;
import dev.alimi.model.Watch;
import java.time.Clock;

/** A detector that can reuse the parses triage already made of a page. */
interface PageDetector extends Detector {

    /** Decides from an already wrapped page; may throw, {@link Detection} turns that into ERROR. */
    Observation detect(Watch watch, ParsedPage page);

    @Override
    default Observation detect(Watch watch, Page page) {
        try {
            return detect(watch, new ParsedPage(page, Clock.systemUTC().instant()));
        } catch (RuntimeException e) {
            return Detection.failure(watch, page.receivedAt() != null ? page.receivedAt() : Clock.systemUTC().instant(), "rule", e);
        }
    }
}
