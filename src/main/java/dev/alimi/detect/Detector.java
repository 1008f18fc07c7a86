package dev.alimi.detect;

import dev.alimi.model.Observation;
import dev.alimi.model.Page;
import dev.alimi.model.Watch;

/** Decides a watch's availability from one page. Never throws: trouble is UNKNOWN or ERROR. */
public interface Detector {

    Observation detect(Watch watch, Page page);
}
