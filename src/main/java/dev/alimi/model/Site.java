package dev.alimi.model;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A shop or API host with its own rate budget and request settings.
 *
 * @param name            name from the config, or the host for an implicit site
 * @param baseUrl         the shop's base URL, or null
 * @param rate            the site's whole request budget, all its watches together
 * @param timeout         time allowed for one request, connect to last byte
 * @param headers         headers sent with every request (secrets possible: never log values)
 * @param cookies         cookies sent with every request (secrets: never log values)
 * @param userAgent       the User-Agent header
 * @param proxies         HTTP proxies used in turn; empty for a direct connection
 * @param maxInFlight     most requests in flight at once for this site
 * @param maxBodyBytes    cap on the raw (possibly compressed) body
 * @param maxDecodedBytes cap on the decoded body
 * @param implicit        true when made for a watch without {@code site}
 * @param rules           the site's alert rules (blackout windows, requires-signup, …), under the watch's
 */
public record Site(
        String name,
        URI baseUrl,
        Rate rate,
        Duration timeout,
        Map<String, String> headers,
        Map<String, String> cookies,
        String userAgent,
        List<URI> proxies,
        int maxInFlight,
        long maxBodyBytes,
        long maxDecodedBytes,
        boolean implicit,
        Rules rules) {

    public static final Rate DEFAULT_RATE = Rate.perSecond(1);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    public static final int DEFAULT_MAX_IN_FLIGHT = 4;
    public static final long DEFAULT_MAX_BODY_BYTES = 5L * 1024 * 1024;
    public static final long DEFAULT_MAX_DECODED_BYTES = 5L * 1024 * 1024;
    public static final String DEFAULT_USER_AGENT =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0 Safari/537.36";

    public Site {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        cookies = cookies == null ? Map.of() : Map.copyOf(cookies);
        proxies = proxies == null ? List.of() : List.copyOf(proxies);
        rules = rules == null ? Rules.NONE : rules;
    }

    /** A site whose only rules are blackout windows and the sign-up flag. */
    public Site(String name, URI baseUrl, Rate rate, Duration timeout, Map<String, String> headers,
                Map<String, String> cookies, String userAgent, List<URI> proxies, List<String> blackout,
                boolean requiresSignup, int maxInFlight, long maxBodyBytes, long maxDecodedBytes, boolean implicit) {
        this(name, baseUrl, rate, timeout, headers, cookies, userAgent, proxies, maxInFlight, maxBodyBytes,
                maxDecodedBytes, implicit, new Rules(null, null, null, null, null,
                        blackout == null || blackout.isEmpty() ? null : blackout, requiresSignup ? Boolean.TRUE : null, null));
    }

    /** Blackout windows as written in the config (applied by policy). */
    public List<String> blackout() {
        return rules.blackoutWindows();
    }

    /** True: checked and shown, never alerted. */
    public boolean requiresSignup() {
        return rules.signupRequired();
    }

    /** A site with every default, for a host that the config did not name. */
    public static Site implicitFor(String host) {
        return new Site(host, null, DEFAULT_RATE, DEFAULT_TIMEOUT, Map.of(), Map.of(), DEFAULT_USER_AGENT,
                List.of(), List.of(), false, DEFAULT_MAX_IN_FLIGHT, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_DECODED_BYTES,
                true);
    }

    public Site withRate(Rate newRate) {
        return new Site(name, baseUrl, newRate, timeout, headers, cookies, userAgent, proxies, maxInFlight,
                maxBodyBytes, maxDecodedBytes, implicit, rules);
    }

    public Site withTimeout(Duration newTimeout) {
        return new Site(name, baseUrl, rate, newTimeout, headers, cookies, userAgent, proxies, maxInFlight,
                maxBodyBytes, maxDecodedBytes, implicit, rules);
    }
}
