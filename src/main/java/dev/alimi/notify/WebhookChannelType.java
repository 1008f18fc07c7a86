package dev.alimi.notify;

import dev.alimi.model.ChannelSpec;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A generic JSON webhook to the user's own endpoint. Accepts {@code json://} / {@code jsons://HOST/PATH}
 * (Apprise; {@code +Header=value} adds a header, {@code -param=value} a query parameter),
 * {@code generic://HOST/PATH} and {@code generic+https://URL} (Shoutrrr; {@code @Header=value}), and the long
 * form {@code type: webhook} with any http(s) URL. A {@code secret} option ({@code whsec_…}) turns on
 * Standard Webhooks signing.
 */
final class WebhookChannelType extends ParsedChannelType<WebhookChannelType.Target> {

    static final String FORMS = "jsons://HOST/PATH, generic+https://HOST/PATH, or type: webhook with an https:// URL";
    private static final Set<String> SHOUTRRR_KEYS =
            Set.of("template", "titlekey", "messagekey", "method", "disabletls", "contenttype", "secret");

    /** Where to post, what to show of it, extra headers, the signing key (or null) and the secrets. */
    record Target(URI endpoint, String shown, Map<String, String> headers, byte[] signingKey, List<String> secrets) {}

    @Override
    public String type() {
        return "webhook";
    }

    @Override
    public boolean accepts(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("json") || scheme.equals("jsons") || scheme.equals("generic")
                || scheme.equals("generic+http") || scheme.equals("generic+https");
    }

    @Override
    Channel create(ChannelSpec spec, Target t, ChannelContext context) {
        return new WebhookChannel(spec.name(), t, MessageTemplate.of(spec).orElse(null), context);
    }

    @Override
    String redact(ChannelSpec spec, Target t) {
        return t.shown();
    }

    @Override
    Target target(ChannelSpec spec) {
        ChannelUrl url = ChannelUrl.parse(spec.url());
        String scheme;
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> query = new ArrayList<>();
        switch (url.scheme()) {
            case "json", "jsons" -> {
                scheme = url.scheme().equals("jsons") ? "https" : "http";
                url.query().forEach((k, v) -> {
                    if (k.startsWith("+") && k.length() > 1) {
                        headers.put(k.substring(1), v);
                    } else if (k.startsWith("-") && k.length() > 1) {
                        query.add(enc(k.substring(1)) + "=" + enc(v));
                    }
                });
                checkMethod(url.query().get("method"));
            }
            case "generic", "generic+http", "generic+https" -> {
                scheme = switch (url.scheme()) {
                    case "generic+http" -> "http";
                    case "generic+https" -> "https";
                    default -> yes(url.query().get("disabletls")) ? "http" : "https";
                };
                url.query().forEach((k, v) -> {
                    if (k.startsWith("@") && k.length() > 1) {
                        headers.put(k.substring(1), v);
                    } else if (!k.startsWith("$") && !SHOUTRRR_KEYS.contains(k)) {
                        query.add(enc(k) + "=" + enc(v));
                    }
                });
                checkMethod(url.query().get("method"));
            }
            case "http", "https" -> {
                if (!longForm(spec)) {
                    throw new IllegalArgumentException("a plain " + url.scheme() + ":// URL needs the long form with "
                            + "type: webhook");
                }
                scheme = url.scheme();
                if (url.uri().getRawQuery() != null) {
                    query.add(url.uri().getRawQuery());
                }
            }
            default -> throw new IllegalArgumentException(
                    "a webhook channel takes " + FORMS + ", not a " + url.scheme() + ":// URL");
        }
        if (url.host().isBlank()) {
            throw new IllegalArgumentException("webhook URL has no host; expected " + FORMS);
        }
        for (String name : headers.keySet()) {
            if (!name.matches("[A-Za-z0-9-]{1,100}")) {
                throw new IllegalArgumentException("webhook header name '" + name + "' is not a valid HTTP header name");
            }
        }
        List<String> secrets = new ArrayList<>(headers.values());
        String user = url.userInfo();
        String shownUser = "";
        if (user != null && !user.isBlank()) {
            headers.put("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
            int colon = user.indexOf(':');
            secrets.add(colon < 0 ? user : user.substring(colon + 1));
            shownUser = (colon < 0 ? "" : user.substring(0, colon) + ":") + "***@";
        }
        String rawPath = url.uri().getRawPath() == null || url.uri().getRawPath().isEmpty() ? "/" : url.uri().getRawPath();
        url.segments().forEach(secrets::add);
        String hostPort = url.uri().getRawAuthority().substring(url.uri().getRawAuthority().lastIndexOf('@') + 1);
        URI endpoint = ChannelUrl.rebase(URI.create(scheme + "://" + hostPort + rawPath
                + (query.isEmpty() ? "" : "?" + String.join("&", query))), spec.baseUrl());
        String shownPath = url.segments().isEmpty() ? "/" : "/" + url.segments().get(0)
                + (url.segments().size() > 1 || !query.isEmpty() ? "/***" : "");
        String shown = url.scheme() + "://" + shownUser + url.host() + shownPath;
        String secret = spec.options().get("secret");
        byte[] key = secret == null ? null : signingKey(secret.strip());
        if (secret != null) {
            secrets.add(secret.strip());
        }
        return new Target(endpoint, shown, Map.copyOf(headers), key, List.copyOf(secrets));
    }

    private static void checkMethod(String method) {
        if (method != null && !method.equalsIgnoreCase("POST")) {
            throw new IllegalArgumentException("webhook method must be POST, got '" + method + "'");
        }
    }

    /** A Standard Webhooks secret: {@code whsec_} and the base64 of a 24-64 byte key. */
    static byte[] signingKey(String secret) {
        String expected = "webhook secret must be whsec_ followed by the base64 of 24-64 random bytes";
        if (!secret.startsWith("whsec_")) {
            throw new IllegalArgumentException(expected);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(expected + " (not base64)");
        }
        if (key.length < 24 || key.length > 64) {
            throw new IllegalArgumentException(expected + " (got " + key.length + " bytes)");
        }
        return key;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
