package dev.alimi.notify;

import dev.alimi.model.ChannelSpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * ntfy, on ntfy.sh or any server. Accepts {@code ntfy://TOPIC} (Apprise cloud mode, on ntfy.sh),
 * {@code ntfy[s]://[user:pass@|tk_token@]HOST[:PORT][/PATH]/TOPIC} (Apprise and Shoutrrr), {@code https://ntfy.sh/TOPIC},
 * and the long form. {@code ntfy://} speaks HTTPS unless {@code scheme=http} or {@code disabletls=yes}; options
 * {@code priority}, {@code tags}, {@code token}.
 */
final class NtfyChannelType extends ParsedChannelType<NtfyChannelType.Target> {

    static final String CLOUD = "ntfy.sh";
    private static final Pattern TOPIC = Pattern.compile("[-_A-Za-z0-9]{1,64}");
    static final String FORMS = "ntfys://ntfy.sh/TOPIC, ntfy://user:pass@HOST/TOPIC or ntfy://tk_TOKEN@HOST/TOPIC";

    /**
     * Where to publish (the server root), what to show of it, the topic, the Authorization header (or null),
     * the secrets, and the priority (1-5) and tags asked for.
     */
    record Target(URI endpoint, String shown, String topic, String authorization, List<String> secrets,
            Integer priority, List<String> tags) {}

    @Override
    public String type() {
        return "ntfy";
    }

    @Override
    public boolean accepts(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("ntfy") || scheme.equals("ntfys")
                || (scheme.equals("https") && CLOUD.equalsIgnoreCase(url.getHost()));
    }

    @Override
    Channel create(ChannelSpec spec, Target t, ChannelContext context) {
        return new NtfyChannel(spec.name(), t, MessageTemplate.of(spec).orElse(null), context);
    }

    @Override
    String redact(ChannelSpec spec, Target t) {
        return t.shown();
    }

    @Override
    Target target(ChannelSpec spec) {
        ChannelUrl url = ChannelUrl.parse(spec.url());
        boolean tls;
        String host;
        List<String> path;
        switch (url.scheme()) {
            case "ntfy", "ntfys" -> {
                String scheme = option(spec, url, "scheme");
                tls = url.scheme().equals("ntfys")
                        || !("http".equalsIgnoreCase(scheme) || yes(option(spec, url, "disabletls")));
                if (url.segments().isEmpty() && TOPIC.matcher(url.host()).matches()) {
                    host = CLOUD;
                    path = List.of(url.host());
                    tls = true;
                } else {
                    host = url.host();
                    path = url.segments();
                }
            }
            case "http", "https" -> {
                if (!longForm(spec) && !CLOUD.equals(url.hostName())) {
                    throw new IllegalArgumentException("an ntfy URL on a host other than " + CLOUD
                            + " needs ntfy:// or the long form with type: ntfy");
                }
                tls = url.scheme().equals("https");
                host = url.host();
                path = url.segments();
            }
            default -> throw new IllegalArgumentException(
                    "an ntfy channel takes " + FORMS + ", not a " + url.scheme() + ":// URL");
        }
        if (host.isBlank()) {
            throw new IllegalArgumentException("ntfy URL has no server; expected " + FORMS);
        }
        if (path.size() != 1 && !(path.size() > 1 && (url.isHttp() || longForm(spec)))) {
            throw new IllegalArgumentException(path.isEmpty() ? "ntfy URL names no topic; expected " + FORMS
                    : "ntfy URL names " + path.size() + " topics; give one channel per topic");
        }
        String topic = path.get(path.size() - 1);
        if (!TOPIC.matcher(topic).matches()) {
            throw new IllegalArgumentException("ntfy topic may hold only letters, digits, '-' and '_' (at most 64)");
        }
        String prefix = path.size() > 1 ? "/" + String.join("/", path.subList(0, path.size() - 1)) : "";
        List<String> secrets = new ArrayList<>();
        String authorization = null;
        String user = url.userInfo();
        String token = option(spec, url, "token");
        String shownUser = "";
        if (token != null) {
            authorization = "Bearer " + token;
            secrets.add(token);
        } else if (user != null && !user.isBlank()) {
            int colon = user.indexOf(':');
            if (colon < 0) {
                authorization = "Bearer " + user;
                secrets.add(user);
                shownUser = "***@";
            } else {
                String password = user.substring(colon + 1);
                authorization = "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8));
                secrets.add(password);
                shownUser = user.substring(0, colon) + ":***@";
            }
        }
        if (host.equalsIgnoreCase(CLOUD)) {
            // on the public server the topic name is the only thing that keeps a topic private
            secrets.add(topic);
        }
        String shownTopic = host.equalsIgnoreCase(CLOUD) ? topic.substring(0, Math.min(3, topic.length())) + "***" : topic;
        String shown = (tls ? "ntfys://" : "ntfy://") + shownUser + host + prefix + "/" + shownTopic;
        URI endpoint = ChannelUrl.rebase(URI.create((tls ? "https://" : "http://") + host + prefix + "/"),
                spec.baseUrl());
        return new Target(endpoint, shown, topic, authorization, List.copyOf(secrets),
                priority(option(spec, url, "priority")), tags(option(spec, url, "tags", "xtags")));
    }

    private static Integer priority(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "1", "min" -> 1;
            case "2", "low" -> 2;
            case "3", "default" -> 3;
            case "4", "high" -> 4;
            case "5", "max", "urgent" -> 5;
            default -> throw new IllegalArgumentException(
                    "ntfy priority must be 1-5 or min, low, default, high, max; got '" + value + "'");
        };
    }

    private static List<String> tags(String value) {
        if (value == null) {
            return List.of();
        }
        return java.util.Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
