package dev.alimi.notify;

import dev.alimi.model.ChannelSpec;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Gotify. Accepts {@code gotify://} / {@code gotifys://HOST[:PORT][/PATH]/APP_TOKEN} (Apprise and Shoutrrr;
 * {@code gotify://} speaks HTTPS unless {@code disabletls=yes}) and the long form {@code type: gotify} with
 * {@code https://HOST/message?token=APP_TOKEN}; {@code priority} 0-10.
 */
final class GotifyChannelType extends ParsedChannelType<GotifyChannelType.Target> {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._-]{5,100}");
    static final String FORMS = "gotifys://HOST/APP_TOKEN or gotify://HOST:PORT/PATH/APP_TOKEN";

    /** Where to post, what to show, the app token (secret) and the priority. */
    record Target(URI endpoint, String shown, String token, int priority) {}

    @Override
    public String type() {
        return "gotify";
    }

    @Override
    public boolean accepts(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("gotify") || scheme.equals("gotifys");
    }

    @Override
    Channel create(ChannelSpec spec, Target t, ChannelContext context) {
        return new GotifyChannel(spec.name(), t, MessageTemplate.of(spec).orElse(null), context);
    }

    @Override
    String redact(ChannelSpec spec, Target t) {
        return t.shown();
    }

    @Override
    Target target(ChannelSpec spec) {
        ChannelUrl url = ChannelUrl.parse(spec.url());
        boolean tls;
        String token;
        List<String> prefix;
        switch (url.scheme()) {
            case "gotify", "gotifys" -> {
                tls = url.scheme().equals("gotifys") || !yes(url.query().get("disabletls"));
                if (url.segments().isEmpty()) {
                    throw new IllegalArgumentException("Gotify URL names no app token; expected " + FORMS);
                }
                token = url.segments().get(url.segments().size() - 1);
                prefix = url.segments().subList(0, url.segments().size() - 1);
            }
            case "http", "https" -> {
                if (!longForm(spec)) {
                    throw new IllegalArgumentException("a Gotify server URL needs gotify:// or the long form with "
                            + "type: gotify");
                }
                tls = url.scheme().equals("https");
                token = url.query().get("token");
                List<String> seg = url.segments();
                if (token == null || seg.isEmpty() || !seg.get(seg.size() - 1).equals("message")) {
                    throw new IllegalArgumentException("Gotify URL must be https://HOST/message?token=APP_TOKEN; or use "
                            + FORMS);
                }
                prefix = seg.subList(0, seg.size() - 1);
            }
            default -> throw new IllegalArgumentException(
                    "a gotify channel takes " + FORMS + ", not a " + url.scheme() + ":// URL");
        }
        if (url.host().isBlank()) {
            throw new IllegalArgumentException("Gotify URL has no host; expected " + FORMS);
        }
        if (!TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException("Gotify app token is letters, digits, '.', '_' and '-'; expected " + FORMS);
        }
        String path = prefix.isEmpty() ? "" : "/" + String.join("/", prefix);
        String priorityText = option(spec, url, "priority");
        int priority = 8;
        if (priorityText != null) {
            if (!priorityText.matches("[0-9]{1,2}") || Integer.parseInt(priorityText) > 10) {
                throw new IllegalArgumentException("Gotify priority must be 0-10, got '" + priorityText + "'");
            }
            priority = Integer.parseInt(priorityText);
        }
        String host = url.uri().getRawAuthority().substring(url.uri().getRawAuthority().lastIndexOf('@') + 1);
        URI endpoint = ChannelUrl.rebase(URI.create((tls ? "https://" : "http://") + host + path + "/message"),
                spec.baseUrl());
        String shown = (tls ? "gotifys://" : "gotify://") + host + path + "/" + token.substring(0, 2) + "***";
        return new Target(endpoint, shown, token, priority);
    }
}
