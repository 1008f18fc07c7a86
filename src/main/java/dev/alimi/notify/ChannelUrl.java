package dev.alimi.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A channel URL taken apart: short forms ({@code slack://T/B/C}, {@code discord://id/token}) and raw
 * http(s) URLs alike. Parts are percent-decoded. Errors never repeat the URL, which holds secrets.
 *
 * @param uri      the parsed URI ({@code console://} becomes {@code console:///})
 * @param scheme   lower-case scheme
 * @param userInfo text before {@code @} in the authority, or null
 * @param host     the authority without user info (host and port), or empty
 * @param segments the non-empty path segments, decoded
 * @param query    query parameters, decoded; the last value wins
 */
record ChannelUrl(URI uri, String scheme, String userInfo, String host, List<String> segments,
        Map<String, String> query) {

    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");

    /** The scheme of a URL string, lower-case, without parsing the rest. */
    static Optional<String> schemeOf(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        var m = SCHEME.matcher(raw.strip());
        return m.find() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /** Parses a URL string; throws {@link IllegalArgumentException} with a message free of secrets. */
    static ChannelUrl parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("channel URL is empty");
        }
        String text = raw.strip();
        String scheme = schemeOf(text).orElseThrow(
                () -> new IllegalArgumentException("channel URL has no scheme (like slack:// or https://)"));
        if (text.endsWith("://")) {
            text = text + "/";
        } else if (text.length() == scheme.length() + 1) {
            // a bare "console:" has nothing after the scheme, which java.net.URI refuses
            text = text + "///";
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "channel URL is not a valid " + scheme + ":// URL (bad character at index " + e.getIndex() + ")");
        }
        String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
        int at = authority.lastIndexOf('@');
        String userInfo = at < 0 ? null : decode(authority.substring(0, at));
        String host = decode(at < 0 ? authority : authority.substring(at + 1));
        List<String> segments = new ArrayList<>();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                segments.add(decode(s));
            }
        }
        Map<String, String> query = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
                query.put(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return new ChannelUrl(uri, scheme, userInfo, host, List.copyOf(segments), Map.copyOf(query));
    }

    boolean isHttp() {
        return scheme.equals("http") || scheme.equals("https");
    }

    /** The host name of an http(s) URL, lower-case, without port. */
    String hostName() {
        return uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    }

    /** {@code scheme://host[:port]} of an http(s) URL, safe to show. */
    String origin() {
        return scheme + "://" + host;
    }

    /**
     * The endpoint with scheme, host and port taken from {@code baseUrl}; its path is put in front of the
     * endpoint's path, whose query is kept.
     */
    static URI rebase(URI endpoint, URI baseUrl) {
        if (baseUrl == null) {
            return endpoint;
        }
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || baseUrl.getRawAuthority() == null) {
            throw new IllegalArgumentException("base-url must be an http:// or https:// URL with a host");
        }
        String basePath = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath().replaceAll("/+$", "");
        String query = endpoint.getRawQuery() == null ? "" : "?" + endpoint.getRawQuery();
        return URI.create(scheme + "://" + baseUrl.getRawAuthority() + basePath + endpoint.getRawPath() + query);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("channel URL has a broken percent-escape");
        }
    }
}
