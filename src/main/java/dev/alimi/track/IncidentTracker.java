package dev.alimi.track;

import dev.alimi.model.Availability;
import dev.alimi.model.Delivery;
import dev.alimi.model.Notice;
import dev.alimi.model.Observation;
import dev.alimi.model.Watch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Turns what happens to Alimi itself into operator {@link Notice}s, once when an incident starts and once when
 * it ends: a site answering BLOCKED check after check, a watch that cannot be decided, a lane that died, a
 * channel that keeps failing, a config reload that failed.
 *
 * <p>Pure: it only counts and words; sending is the caller's job. Thread-safe (every call is atomic), and
 * time comes from the injected clock.
 *
 * <p>Only a decisive observation (IN_STOCK or OUT_OF_STOCK) ends a streak or an incident. A site's BLOCKED
 * streak counts the BLOCKED answers of all its watches and is not broken by UNKNOWN or ERROR (a blocked IP
 * often times out too); a watch's failing streak counts its UNKNOWN and ERROR results and is not broken by
 * BLOCKED, which is the site's incident, not a sign of a stale selector.
 */
public final class IncidentTracker {

    /** BLOCKED answers in a row on one site before the operator hears of it. */
    public static final int DEFAULT_BLOCKED_STREAK = 5;
    /** UNKNOWN or ERROR results in a row of one watch before the operator hears of it. */
    public static final int DEFAULT_FAILING_STREAK = 10;
    /** Further deaths of a site's lane within this time after a notice are counted, not sent. */
    public static final Duration DEFAULT_LANE_QUIET = Duration.ofMinutes(15);
    private static final int MAX_EVIDENCE = 200;
    private static final int MAX_ERRORS_SHOWN = 10;

    private final Clock clock;
    private final int blockedStreak;
    private final int failingStreak;
    private final Duration laneQuiet;

    private final Map<String, Streak> sites = new HashMap<>();
    private final Map<String, Streak> watches = new HashMap<>();
    private final Map<String, LaneDeaths> lanes = new HashMap<>();
    private final Set<String> failingChannels = new HashSet<>();
    private Set<String> reloadErrors = Set.of();

    /** With the default streak lengths (5 BLOCKED for a site, 10 UNKNOWN/ERROR for a watch). */
    public IncidentTracker(Clock clock) {
        this(clock, DEFAULT_BLOCKED_STREAK, DEFAULT_FAILING_STREAK, DEFAULT_LANE_QUIET);
    }

    /** With the streak lengths that make an incident, and the quiet time between two lane-death notices. */
    public IncidentTracker(Clock clock, int blockedStreak, int failingStreak, Duration laneQuiet) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.laneQuiet = Objects.requireNonNull(laneQuiet, "laneQuiet");
        if (blockedStreak < 1 || failingStreak < 1) {
            throw new IllegalArgumentException("streak lengths must be at least 1, got blocked " + blockedStreak
                    + " and failing " + failingStreak);
        }
        if (laneQuiet.isNegative()) {
            throw new IllegalArgumentException("lane quiet time must not be negative, got " + laneQuiet);
        }
        this.blockedStreak = blockedStreak;
        this.failingStreak = failingStreak;
    }

    /**
     * Feeds one observation of a watch (every one, in the order made); returns the notices it causes: a site
     * or watch incident starting, or ending. Usually empty.
     */
    public synchronized List<Notice> observed(Watch watch, Observation observation) {
        String site = watch.site() == null ? "(no site)" : watch.site();
        Availability a = observation.availability();
        List<Notice> notices = new ArrayList<>(1);
        Streak s = sites.computeIfAbsent(site, k -> new Streak());
        Streak w = watches.computeIfAbsent(watch.name(), k -> new Streak());
        if (a.isDecisive()) {
            recover(s, () -> new Notice(Notice.Kind.SITE_BLOCKED, site, site + " answers again: " + watch.name()
                    + " was checked " + a + " after " + s.count + " blocked checks since " + time(s.since) + ".",
                    true, now())).ifPresent(notices::add);
            recover(w, () -> new Notice(Notice.Kind.WATCH_FAILING, watch.name(), watch.name() + " is decided again ("
                    + a + ") after " + w.count + " checks without a decision since " + time(w.since) + ".",
                    true, now())).ifPresent(notices::add);
            return List.copyOf(notices);
        }
        if (a == Availability.BLOCKED) {
            if (s.hit(observation.observedAt(), blockedStreak)) {
                notices.add(new Notice(Notice.Kind.SITE_BLOCKED, site, site + " answered BLOCKED (captcha, 403 or "
                        + "bot wall) to " + s.count + " checks in a row since " + time(s.since)
                        + "; probably our IP is blocked. Last: " + watch.name() + ": "
                        + evidence(observation) + ". No alerts come from this site until it answers again.",
                        false, now()));
            }
            return List.copyOf(notices);
        }
        if (w.hit(observation.observedAt(), failingStreak)) {
            notices.add(new Notice(Notice.Kind.WATCH_FAILING, watch.name(), watch.name() + " on " + site
                    + " could not be decided " + w.count + " checks in a row since " + time(w.since)
                    + "; its selector is probably stale or the page changed. Last: " + a + ": "
                    + evidence(observation) + ".", false, now()));
        }
        return List.copyOf(notices);
    }

    /**
     * A site's lane died and was restarted; a notice unless one for this site went out within the quiet time,
     * in which case the death is counted into the next notice.
     */
    public synchronized Optional<Notice> laneRestarted(String site, Throwable cause) {
        Instant now = now();
        LaneDeaths d = lanes.computeIfAbsent(site, k -> new LaneDeaths());
        d.unreported++;
        if (d.lastNotice != null && now.isBefore(d.lastNotice.plus(laneQuiet))) {
            return Optional.empty();
        }
        String times = d.unreported == 1 ? "died" : "died " + d.unreported + " times since " + time(d.lastNotice);
        // the exception's message may hold a URL with a token; its class is enough here, the log has the rest
        String why = cause == null ? "" : " (" + cause.getClass().getSimpleName() + ")";
        Notice n = new Notice(Notice.Kind.LANE_RESTARTED, site, "The lane of site " + site + " " + times + why
                + " and was restarted; checks of its watches go on. Details are in the log.", false, now);
        d.lastNotice = now;
        d.unreported = 0;
        return Optional.of(n);
    }

    /** A channel keeps failing (its circuit breaker opened); a notice unless this incident was already told. */
    public synchronized Optional<Notice> channelFailing(String channel) {
        if (!failingChannels.add(channel)) {
            return Optional.empty();
        }
        return Optional.of(new Notice(Notice.Kind.CHANNEL_FAILING, channel, "Channel " + channel
                + " keeps failing; its alerts are held and retried within their TTL. Details are in the log.",
                false, now()));
    }

    /** A channel accepted a message again; a recovery notice when it was failing. */
    public synchronized Optional<Notice> channelRecovered(String channel) {
        if (!failingChannels.remove(channel)) {
            return Optional.empty();
        }
        return Optional.of(new Notice(Notice.Kind.CHANNEL_FAILING, channel, "Channel " + channel
                + " accepts messages again.", true, now()));
    }

    /**
     * After a dispatch: each channel that {@code failing} says keeps failing starts an incident, each one that
     * accepted its message without failing ends one. Returns the notices, in the deliveries' order.
     */
    public synchronized List<Notice> delivered(Collection<Delivery> deliveries, Predicate<String> failing) {
        List<Notice> notices = new ArrayList<>();
        for (Delivery d : deliveries) {
            if (failing.test(d.channel())) {
                channelFailing(d.channel()).ifPresent(notices::add);
            } else if (d.outcome() == Delivery.Outcome.SENT) {
                channelRecovered(d.channel()).ifPresent(notices::add);
            }
        }
        return List.copyOf(notices);
    }

    /**
     * A config reload failed and the old config keeps running; a notice unless the same set of errors was
     * the last one told (the watcher reports a broken file on every poll).
     */
    public synchronized Optional<Notice> configReloadFailed(Collection<String> errors) {
        Set<String> set = Set.copyOf(new TreeSet<>(errors));
        if (set.equals(reloadErrors)) {
            return Optional.empty();
        }
        reloadErrors = set;
        List<String> sorted = List.copyOf(new TreeSet<>(set));
        StringBuilder text = new StringBuilder("The config reload failed; the previous config keeps running. ");
        text.append(sorted.size() == 1 ? "1 error:" : sorted.size() + " errors:");
        sorted.stream().limit(MAX_ERRORS_SHOWN).forEach(e -> text.append("\n- ").append(e));
        if (sorted.size() > MAX_ERRORS_SHOWN) {
            text.append("\n- … and ").append(sorted.size() - MAX_ERRORS_SHOWN).append(" more");
        }
        return Optional.of(new Notice(Notice.Kind.CONFIG_RELOAD_FAILED, "config", text.toString(), false, now()));
    }

    /** A config reload worked; a recovery notice when the last one had failed. */
    public synchronized Optional<Notice> configReloaded() {
        if (reloadErrors.isEmpty()) {
            return Optional.empty();
        }
        reloadErrors = Set.of();
        return Optional.of(new Notice(Notice.Kind.CONFIG_RELOAD_FAILED, "config",
                "The config was reloaded without errors.", true, now()));
    }

    /** Drops what is known of a watch removed from the config; an open incident of it ends silently. */
    public synchronized void forgetWatch(String watch) {
        watches.remove(watch);
    }

    /** Drops what is known of a site removed from the config (its streak and lane deaths). */
    public synchronized void forgetSite(String site) {
        sites.remove(site);
        lanes.remove(site);
    }

    /** Drops a channel removed from the config. */
    public synchronized void forgetChannel(String channel) {
        failingChannels.remove(channel);
    }

    private Optional<Notice> recover(Streak s, java.util.function.Supplier<Notice> notice) {
        Optional<Notice> n = s.open ? Optional.of(notice.get()) : Optional.empty();
        s.count = 0;
        s.since = null;
        s.open = false;
        return n;
    }

    private Instant now() {
        return clock.instant();
    }

    private static String time(Instant at) {
        return at == null ? "?" : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String evidence(Observation o) {
        String e = o.evidence().replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return e.length() <= MAX_EVIDENCE ? e : e.substring(0, MAX_EVIDENCE - 1) + "…";
    }

    /** Doubtful results in a row, and whether the operator was told. */
    private static final class Streak {
        int count;
        Instant since;
        boolean open;

        /** Counts one; true exactly when the count reaches the threshold and nothing was told yet. */
        boolean hit(Instant at, int threshold) {
            if (count == 0) {
                since = at;
            }
            count++;
            if (!open && count >= threshold) {
                open = true;
                return true;
            }
            return false;
        }
    }

    /** Deaths of one site's lane not yet told, and when the last notice went out. */
    private static final class LaneDeaths {
        int unreported;
        Instant lastNotice;
    }
}
