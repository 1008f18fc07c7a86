package dev.alimi.schedule;

import dev.alimi.model.DetectSpec;
import dev.alimi.model.Rate;
import dev.alimi.model.Site;
import dev.alimi.model.Watch;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Sites and watches for the schedule tests. */
final class Fixtures {

    private Fixtures() {}

    static Site site(String name, Rate rate) {
        return site(name, rate, Site.DEFAULT_MAX_IN_FLIGHT, Site.DEFAULT_TIMEOUT);
    }

    static Site site(String name, Rate rate, int maxInFlight, Duration timeout) {
        return new Site(name, null, rate, timeout, Map.of(), Map.of(), Site.DEFAULT_USER_AGENT, List.of(),
                List.of(), false, maxInFlight, Site.DEFAULT_MAX_BODY_BYTES, Site.DEFAULT_MAX_DECODED_BYTES, false);
    }

    static Watch watch(String name, String site, Duration interval) {
        return watch(name, site, interval, URI.create("http://127.0.0.1:9/p/" + name));
    }

    static Watch watch(String name, String site, Duration interval, URI url) {
        return new Watch(name, site, url, null, null, new DetectSpec.Recipe("auto"), interval, null, null, null, null,
                List.of());
    }

    /** {@code n} watches named {@code prefix0..prefix(n-1)} on one site. */
    static List<Watch> watches(String prefix, int n, String site, Duration interval) {
        List<Watch> list = new ArrayList<>();
        for (int i = 0; i < n; i++) list.add(watch(prefix + i, site, interval));
        return list;
    }
}
