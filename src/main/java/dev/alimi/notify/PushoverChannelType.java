package dev.alimi.notify;

import dev.alimi.model.ChannelSpec;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Pushover. Accepts {@code pover://USER_KEY@APP_TOKEN[/DEVICE…]} (Apprise) and
 * {@code pushover://shoutrrr:APP_TOKEN@USER_KEY/?devices=a,b} (Shoutrrr; the keys sit the other way round), with
 * {@code priority} (-2…2 or lowest, low, normal, high, emergency) and {@code sound}; {@code base-url} for tests.
 */
final class PushoverChannelType extends ParsedChannelType<PushoverChannelType.Target> {

    static final URI ENDPOINT = URI.create("https://api.pushover.net/1/messages.json");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9]{20,40}");
    private static final Pattern DEVICE = Pattern.compile("[A-Za-z0-9_-]{1,25}");
    static final String FORMS = "pover://USER_KEY@APP_TOKEN or pushover://shoutrrr:APP_TOKEN@USER_KEY";

    /** Where to post, the user key and app token (both secret), devices, priority and sound. */
    record Target(URI endpoint, String user, String token, List<String> devices, int priority, String sound) {}

    @Override
    public String type() {
        return "pushover";
    }

    @Override
    public boolean accepts(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("pover") || scheme.equals("pushover");
    }

    @Override
    Channel create(ChannelSpec spec, Target t, ChannelContext context) {
        return new PushoverChannel(spec.name(), t, MessageTemplate.of(spec).orElse(null), context);
    }

    @Override
    String redact(ChannelSpec spec, Target t) {
        String devices = t.devices().isEmpty() ? "" : "/" + String.join("/", t.devices());
        return ChannelUrl.parse(spec.url()).scheme().equals("pover")
                ? "pover://" + mask(t.user()) + "@" + mask(t.token()) + devices
                : "pushover://shoutrrr:" + mask(t.token()) + "@" + mask(t.user()) + devices;
    }

    /** The first three characters, so people can tell keys apart. */
    private static String mask(String key) {
        return key.substring(0, 3) + "***";
    }

    @Override
    Target target(ChannelSpec spec) {
        ChannelUrl url = ChannelUrl.parse(spec.url());
        String user;
        String token;
        List<String> devices;
        switch (url.scheme()) {
            case "pover" -> {
                user = url.userInfo();
                token = url.host();
                devices = url.segments();
            }
            case "pushover" -> {
                String info = url.userInfo() == null ? "" : url.userInfo();
                token = info.contains(":") ? info.substring(info.indexOf(':') + 1) : info;
                user = url.host();
                String list = url.query().getOrDefault("devices", "");
                devices = list.isBlank() ? List.of() : Arrays.stream(list.split(",")).map(String::strip).toList();
            }
            default -> throw new IllegalArgumentException(
                    "a pushover channel takes " + FORMS + ", not a " + url.scheme() + ":// URL");
        }
        if (user == null || !KEY.matcher(user).matches() || token == null || !KEY.matcher(token).matches()) {
            throw new IllegalArgumentException("Pushover user key and app token are 30 letters and digits each; "
                    + "expected " + FORMS);
        }
        for (String d : devices) {
            if (!DEVICE.matcher(d).matches()) {
                throw new IllegalArgumentException("Pushover device names are up to 25 letters, digits, '_' and '-'");
            }
        }
        String sound = option(spec, url, "sound");
        if (sound != null && !sound.matches("[a-z0-9_-]{1,40}")) {
            throw new IllegalArgumentException("Pushover sound must be a sound name like cashregister");
        }
        return new Target(ChannelUrl.rebase(ENDPOINT, spec.baseUrl()), user, token, List.copyOf(devices),
                priority(option(spec, url, "priority")), sound);
    }

    private static int priority(String value) {
        if (value == null) {
            return 1;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "-2", "lowest" -> -2;
            case "-1", "low" -> -1;
            case "0", "normal", "moderate" -> 0;
            case "1", "high" -> 1;
            case "2", "emergency" -> 2;
            default -> throw new IllegalArgumentException(
                    "Pushover priority must be -2…2 or lowest, low, normal, high, emergency; got '" + value + "'");
        };
    }
}
