package dev.alimi.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alimi.model.Availability;
import dev.alimi.model.Delivery;
import dev.alimi.model.DetectSpec;
import dev.alimi.model.Notice;
import dev.alimi.model.Observation;
import dev.alimi.model.Watch;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class IncidentTrackerTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        private Instant now = T0;

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final HandClock clock = new HandClock();
    private final IncidentTracker incidents = new IncidentTracker(clock);
    private final Watch kf94 = watch("KF94", "coupang");
    private final Watch n95 = watch("N95", "coupang");
    private final Watch other = watch("Gloves", "smartstore");

    private static Watch watch(String name, String site) {
        return new Watch(name, site, URI.create("http://127.0.0.1/p/" + name), null, null,
                new DetectSpec.Recipe("auto"), Duration.ZERO, null, null, null, null, List.of());
    }

    private List<Notice> feed(Watch w, Availability a) {
        clock.advance(Duration.ofSeconds(1));
        return incidents.observed(w, Observation.of(w.name(), a, a + " because of the page", "css", clock.instant()));
    }

    private List<Notice> feed(Watch w, Availability a, int times) {
        List<Notice> all = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            all.addAll(feed(w, a));
        }
        return all;
    }

    @Test
    void siteBlockedFiveTimesAcrossItsWatchesIsOneNotice() {
        assertThat(feed(kf94, Availability.BLOCKED, 2)).isEmpty();
        assertThat(feed(n95, Availability.BLOCKED, 2)).isEmpty();

        List<Notice> fifth = feed(kf94, Availability.BLOCKED);

        assertThat(fifth).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(Notice.Kind.SITE_BLOCKED);
            assertThat(n.subject()).isEqualTo("coupang");
            assertThat(n.recovered()).isFalse();
            assertThat(n.at()).isEqualTo(clock.instant());
            assertThat(n.text()).contains("5 checks in a row").contains("2026-03-01T09:00:01Z")
                    .contains("BLOCKED because of the page");
            assertThat(n.title()).isEqualTo("⚠️ Alimi: site blocked: coupang");
        });
    }

    @Test
    void siteBlockedIsNotRepeatedWhileItLastsAndRecoversExactlyOnce() {
        assertThat(feed(kf94, Availability.BLOCKED, 5)).hasSize(1);
        assertThat(feed(n95, Availability.BLOCKED, 50)).isEmpty();
        assertThat(feed(kf94, Availability.ERROR, 3)).as("doubt does not end it").isEmpty();

        List<Notice> back = feed(n95, Availability.OUT_OF_STOCK);

        assertThat(back).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(Notice.Kind.SITE_BLOCKED);
            assertThat(n.subject()).isEqualTo("coupang");
            assertThat(n.recovered()).isTrue();
            assertThat(n.text()).contains("55 blocked checks");
            assertThat(n.title()).isEqualTo("✅ Alimi: site blocked: coupang recovered");
        });
        assertThat(feed(kf94, Availability.IN_STOCK)).isEmpty();
        assertThat(feed(n95, Availability.OUT_OF_STOCK)).isEmpty();
    }

    @Test
    void aDecisiveObservationBreaksTheBlockedStreak() {
        feed(kf94, Availability.BLOCKED, 4);
        feed(n95, Availability.OUT_OF_STOCK);

        assertThat(feed(kf94, Availability.BLOCKED, 4)).isEmpty();
        assertThat(feed(kf94, Availability.BLOCKED)).hasSize(1);
    }

    @Test
    void unknownOrErrorDoNotBreakTheBlockedStreak() {
        feed(kf94, Availability.BLOCKED, 3);
        feed(kf94, Availability.ERROR);
        feed(n95, Availability.UNKNOWN);

        assertThat(feed(kf94, Availability.BLOCKED, 2)).extracting(Notice::kind)
                .containsExactly(Notice.Kind.SITE_BLOCKED);
    }

    @Test
    void sitesAreCountedApart() {
        feed(kf94, Availability.BLOCKED, 4);
        assertThat(feed(other, Availability.BLOCKED, 4)).isEmpty();

        assertThat(feed(other, Availability.BLOCKED)).singleElement()
                .extracting(Notice::subject).isEqualTo("smartstore");
    }

    @Test
    void aSecondIncidentAfterRecoveryIsToldAgain() {
        feed(kf94, Availability.BLOCKED, 5);
        feed(kf94, Availability.IN_STOCK);

        assertThat(feed(kf94, Availability.BLOCKED, 5)).singleElement()
                .satisfies(n -> assertThat(n.recovered()).isFalse());
    }

    @Test
    void watchUnknownOrErrorTenTimesIsOneNoticeAndOneRecovery() {
        assertThat(feed(kf94, Availability.UNKNOWN, 5)).isEmpty();
        assertThat(feed(kf94, Availability.ERROR, 4)).isEmpty();

        List<Notice> tenth = feed(kf94, Availability.ERROR);

        assertThat(tenth).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(Notice.Kind.WATCH_FAILING);
            assertThat(n.subject()).isEqualTo("KF94");
            assertThat(n.recovered()).isFalse();
            assertThat(n.text()).contains("10 checks in a row").contains("coupang").contains("selector")
                    .contains("ERROR: ERROR because of the page");
        });
        assertThat(feed(kf94, Availability.UNKNOWN, 20)).as("no repeat while it lasts").isEmpty();
        assertThat(feed(kf94, Availability.BLOCKED, 2)).as("BLOCKED is the site's matter").isEmpty();

        List<Notice> back = feed(kf94, Availability.IN_STOCK);

        assertThat(back).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(Notice.Kind.WATCH_FAILING);
            assertThat(n.recovered()).isTrue();
            assertThat(n.text()).contains("IN_STOCK").contains("30 checks");
        });
        assertThat(feed(kf94, Availability.OUT_OF_STOCK)).isEmpty();
    }

    @Test
    void aDecisiveObservationBreaksTheFailingStreakOfThatWatchOnly() {
        feed(kf94, Availability.UNKNOWN, 9);
        feed(n95, Availability.UNKNOWN, 9);
        feed(kf94, Availability.OUT_OF_STOCK);

        assertThat(feed(kf94, Availability.UNKNOWN, 9)).isEmpty();
        assertThat(feed(n95, Availability.UNKNOWN)).singleElement().extracting(Notice::subject).isEqualTo("N95");
    }

    @Test
    void oneObservationCanEndASiteAndAWatchIncidentTogether() {
        feed(kf94, Availability.ERROR, 10);
        feed(kf94, Availability.BLOCKED, 5);

        List<Notice> back = feed(kf94, Availability.OUT_OF_STOCK);

        assertThat(back).extracting(Notice::kind, Notice::recovered).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Notice.Kind.SITE_BLOCKED, true),
                org.assertj.core.groups.Tuple.tuple(Notice.Kind.WATCH_FAILING, true));
    }

    @Test
    void customStreakLengths() {
        IncidentTracker strict = new IncidentTracker(clock, 1, 2, Duration.ZERO);
        Observation blocked = Observation.of("KF94", Availability.BLOCKED, "403", "fetch", T0);
        Observation error = Observation.of("KF94", Availability.ERROR, "timeout", "fetch", T0);

        assertThat(strict.observed(kf94, blocked)).hasSize(1);
        assertThat(strict.observed(kf94, error)).isEmpty();
        assertThat(strict.observed(kf94, error)).hasSize(1);
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> new IncidentTracker(clock, 0, 10, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> new IncidentTracker(clock, 5, 10, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quiet");
    }

    @Test
    void longEvidenceIsCutAndFlattened() {
        String huge = "line\n".repeat(1_000);
        IncidentTracker strict = new IncidentTracker(clock, 1, 1, Duration.ZERO);

        Notice n = strict.observed(kf94, Observation.of("KF94", Availability.BLOCKED, huge, "fetch", T0)).get(0);

        assertThat(n.text()).doesNotContain("\n").hasSizeLessThan(600);
    }

    @Test
    void laneRestartedIsToldWithoutTheExceptionMessage() {
        Optional<Notice> n = incidents.laneRestarted("coupang",
                new IllegalStateException("proxy http://user:hunter2@proxy failed"));

        assertThat(n).hasValueSatisfying(x -> {
            assertThat(x.kind()).isEqualTo(Notice.Kind.LANE_RESTARTED);
            assertThat(x.subject()).isEqualTo("coupang");
            assertThat(x.recovered()).isFalse();
            assertThat(x.text()).contains("died (IllegalStateException)").contains("restarted")
                    .doesNotContain("hunter2");
        });
    }

    @Test
    void aLaneDyingInALoopIsToldOncePerQuietTimeWithTheCount() {
        assertThat(incidents.laneRestarted("coupang", new RuntimeException())).isPresent();
        clock.advance(Duration.ofMinutes(1));
        assertThat(incidents.laneRestarted("coupang", new RuntimeException())).isEmpty();
        assertThat(incidents.laneRestarted("smartstore", new RuntimeException())).as("other site").isPresent();
        clock.advance(Duration.ofMinutes(13));
        assertThat(incidents.laneRestarted("coupang", new RuntimeException())).isEmpty();
        clock.advance(Duration.ofMinutes(1));

        Optional<Notice> later = incidents.laneRestarted("coupang", new RuntimeException());

        assertThat(later).hasValueSatisfying(x -> assertThat(x.text()).contains("died 3 times since 2026-03-01T09:00:00Z"));
    }

    @Test
    void channelFailingIsToldOncePerIncidentAndRecoversOnce() {
        assertThat(incidents.channelRecovered("slack")).as("was not failing").isEmpty();

        assertThat(incidents.channelFailing("slack")).hasValueSatisfying(n -> {
            assertThat(n.kind()).isEqualTo(Notice.Kind.CHANNEL_FAILING);
            assertThat(n.subject()).isEqualTo("slack");
            assertThat(n.recovered()).isFalse();
        });
        assertThat(incidents.channelFailing("slack")).isEmpty();
        assertThat(incidents.channelRecovered("slack")).hasValueSatisfying(n -> assertThat(n.recovered()).isTrue());
        assertThat(incidents.channelRecovered("slack")).isEmpty();
        assertThat(incidents.channelFailing("slack")).as("a new incident").isPresent();
    }

    @Test
    void deliveredTurnsBreakerStatesAndSentDeliveriesIntoNotices() {
        Set<String> failing = new java.util.HashSet<>(Set.of("a"));
        List<Delivery> first = List.of(delivery("a", Delivery.Outcome.FAILED), delivery("b", Delivery.Outcome.SENT));

        assertThat(incidents.delivered(first, failing::contains)).singleElement()
                .satisfies(n -> assertThat(n.subject()).isEqualTo("a"));
        assertThat(incidents.delivered(first, failing::contains)).isEmpty();

        failing.clear();
        assertThat(incidents.delivered(List.of(delivery("a", Delivery.Outcome.EXPIRED)), failing::contains))
                .as("not failing but nothing accepted yet").isEmpty();
        assertThat(incidents.delivered(List.of(delivery("a", Delivery.Outcome.SENT)), failing::contains))
                .singleElement().satisfies(n -> assertThat(n.recovered()).isTrue());
    }

    private static Delivery delivery(String channel, Delivery.Outcome outcome) {
        return new Delivery(channel, "KF94", outcome, T0, T0, 1, null, null);
    }

    @Test
    void configReloadFailedIsToldOncePerDistinctErrorSet() {
        List<String> errors = List.of("alimi.yaml:3: sites.x.rate: expected 1/s", "alimi.yaml:9: watches[0]: no url");

        Optional<Notice> first = incidents.configReloadFailed(errors);

        assertThat(first).hasValueSatisfying(n -> {
            assertThat(n.kind()).isEqualTo(Notice.Kind.CONFIG_RELOAD_FAILED);
            assertThat(n.subject()).isEqualTo("config");
            assertThat(n.text()).contains("previous config keeps running").contains("2 errors")
                    .contains("- alimi.yaml:3: sites.x.rate: expected 1/s").contains("- alimi.yaml:9");
        });
        assertThat(incidents.configReloadFailed(List.of(errors.get(1), errors.get(0)))).as("same set").isEmpty();
        assertThat(incidents.configReloadFailed(List.of(errors.get(0)))).as("another set").isPresent();
        assertThat(incidents.configReloaded()).hasValueSatisfying(n -> assertThat(n.recovered()).isTrue());
        assertThat(incidents.configReloaded()).isEmpty();
        assertThat(incidents.configReloadFailed(List.of(errors.get(0)))).as("again after a good reload").isPresent();
    }

    @Test
    void manyReloadErrorsAreShortened() {
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            errors.add("alimi.yaml:" + (100 + i) + ": bad");
        }

        Notice n = incidents.configReloadFailed(errors).orElseThrow();

        assertThat(n.text()).contains("25 errors").contains("… and 15 more");
    }

    @Test
    void forgottenWatchesAndSitesStartAfresh() {
        feed(kf94, Availability.UNKNOWN, 9);
        feed(kf94, Availability.BLOCKED, 4);
        incidents.forgetWatch("KF94");
        incidents.forgetSite("coupang");

        assertThat(feed(kf94, Availability.UNKNOWN)).isEmpty();
        assertThat(feed(kf94, Availability.BLOCKED)).isEmpty();
    }

    /** Many lanes report at once: the incident is still told exactly once. */
    @Test
    void concurrentObservationsTellAnIncidentOnce() throws Exception {
        IncidentTracker shared = new IncidentTracker(Clock.fixed(T0, ZoneOffset.UTC));
        List<Notice> all = java.util.Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 400; i++) {
                Watch w = i % 2 == 0 ? kf94 : n95;
                pool.submit(() -> all.addAll(shared.observed(w,
                        Observation.of(w.name(), Availability.BLOCKED, "403", "fetch", T0))));
            }
        }
        assertThat(all).singleElement().extracting(Notice::kind).isEqualTo(Notice.Kind.SITE_BLOCKED);
    }
}
