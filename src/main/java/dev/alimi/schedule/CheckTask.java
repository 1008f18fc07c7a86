package dev.alimi.schedule;

import dev.alimi.model.Watch;

/** What a lane runs for one watch: fetch, detect, track, decide, notify. May block; may throw. */
@FunctionalInterface
public interface CheckTask {

    /** Checks one watch once; exceptions are caught and logged by the lane. */
    void check(Watch watch) throws Exception;
}
