package dev.alimi.store;

/**
 * How many episodes one watch had in a period.
 *
 * @param watch    the watch's name
 * @param site     its site
 * @param episodes episodes started in the period
 * @param open     of those, still open
 */
public record EpisodeCount(String watch, String site, long episodes, long open) {}
