package dev.alimi.fetch;

import dev.alimi.model.RequestSpec;
import dev.alimi.model.Site;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The headers one request carries, in order: defaults, the site's, the watch's (later wins, names
 * compared without case), the site's cookies joined into one {@code Cookie}, and the encodings we
 * can decode ourselves.
 */
final class RequestHeaders {

    static final String DEFAULT_ACCEPT =
            "text/html,application/xhtml+xml,application/xml;q=0.9,application/json;q=0.8,*/*;q=0.7";

    /** Only these can be decoded with a cap, so the server must not pick another (br, zstd). */
    static final String ACCEPT_ENCODING = "gzip, deflate";

    /** Credentials for one host; not carried to another host on a redirect. */
    private static final Set<String> HOST_BOUND = Set.of("cookie", "authorization");

    private RequestHeaders() {}

    /** Name (as first written) to value, one entry per header name. */
    static Map<String, String> of(Site site, RequestSpec request) {
        Map<String, Map.Entry<String, String>> byKey = new LinkedHashMap<>();
        put(byKey, "Accept", DEFAULT_ACCEPT);
        if (site.userAgent() != null && !site.userAgent().isBlank()) put(byKey, "User-Agent", site.userAgent());
        site.headers().forEach((k, v) -> put(byKey, k, v));
        request.headers().forEach((k, v) -> put(byKey, k, v));
        if (!site.cookies().isEmpty()) {
            String jar = site.cookies().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; "));
            Map.Entry<String, String> written = byKey.get("cookie");
            put(byKey, "Cookie", written == null || written.getValue().isBlank() ? jar : written.getValue() + "; " + jar);
        }
        if (request.body() != null && request.contentType() != null) put(byKey, "Content-Type", request.contentType());
        put(byKey, "Accept-Encoding", ACCEPT_ENCODING);
        Map<String, String> out = new LinkedHashMap<>();
        // `${COOKIE:-}` in the config leaves blank values: sending them would only add noise.
        byKey.values().stream().filter(e -> !e.getValue().isBlank()).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** The headers still fit to send after a redirect to another host. */
    static Map<String, String> forOtherHost(Map<String, String> headers) {
        Map<String, String> out = new LinkedHashMap<>(headers);
        out.keySet().removeIf(k -> HOST_BOUND.contains(k.toLowerCase(Locale.ROOT)));
        return out;
    }

    /** The headers for a request that lost its body (303, or POST answered by 301/302). */
    static Map<String, String> withoutBody(Map<String, String> headers) {
        Map<String, String> out = new LinkedHashMap<>(headers);
        out.keySet().removeIf(k -> k.equalsIgnoreCase("content-type"));
        return out;
    }

    private static void put(Map<String, Map.Entry<String, String>> byKey, String name, String value) {
        if (name == null || value == null) return;
        String key = name.trim().toLowerCase(Locale.ROOT);
        Map.Entry<String, String> old = byKey.get(key);
        byKey.put(key, Map.entry(old == null ? name.trim() : old.getKey(), value));
    }
}
