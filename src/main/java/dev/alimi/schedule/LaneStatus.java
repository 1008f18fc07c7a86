package dev.alimi.schedule;

import dev.alimi.model.Rate;
import java.time.Instant;

/**
 * How one lane is doing, for the dashboard and health checks.
 *
 * @param site      the site's name
 * @param running   true while its loop thread runs (false briefly while restarting after a death)
 * @param rate      the budget in force
 * @param watches   how many watches share the budget
 * @param inFlight  checks running now
 * @param lastStart when the site's last request started, or null before the first
 * @param restarts  how many times its loop died and was restarted
 */
public record LaneStatus(String site, boolean running, Rate rate, int watches, int inFlight, Instant lastStart,
        int restarts) {}
